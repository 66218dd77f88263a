/**
 * Browser entry of the map benchmark: the real MapCanvas (React Flow) with a laid-out
 * synthetic map, no server. Bundled by esbuild in scripts/bench/map.ts.
 */
import { createRoot } from "react-dom/client";
import { MapCanvas } from "../../../components/argument/MapCanvas";
import type { GraphEdge, GraphNode } from "../../../lib/core/argument";

declare global {
  interface Window {
    __MAP__: { nodes: GraphNode[]; edges: GraphEdge[]; positions: Record<string, { x: number; y: number }> };
    __READY__?: boolean;
  }
}

const data = window.__MAP__;
const themes = new Map<string, { name: string; colour: string }>();
function App() {
  return (
    <div style={{ width: "100vw", height: "100vh" }}>
      <MapCanvas
        nodes={data.nodes}
        edges={data.edges}
        positions={data.positions}
        themes={themes}
        peers={[]}
        editable
        selected={null}
        relationLabel={(r) => r}
        kindLabel={(k) => k}
        draggingLabel={(n) => n}
        onSelect={() => {}}
        onInit={() => {
          window.__READY__ = true;
        }}
      />
    </div>
  );
}
createRoot(document.getElementById("root")!).render(<App />);
