import { heatLevel } from "@/lib/core/themes";

/** Cell colours: the accent blue at the heat level's opacity; white text on the darkest cells. */
export function heatStyle(value: number, max: number): { background: string; dark: boolean } {
  const level = heatLevel(value, max);
  return { background: level === 0 ? "transparent" : `rgb(46 94 140 / ${(level * 0.85).toFixed(3)})`, dark: level > 0.62 };
}

export const percent = (share: number): string => (share === 0 ? "0%" : share < 0.001 ? "<0.1%" : `${(share * 100).toFixed(1)}%`);
