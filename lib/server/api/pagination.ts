import { z } from "zod";

export const MAX_PAGE_SIZE = 200;

/** `?page=1&pageSize=50` (1-based pages). */
export const pageInput = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
};

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** Query string of the next page, or null on the last one. */
  next: string | null;
  prev: string | null;
}

export function paged<T>(items: T[], page: number, pageSize: number, total: number): Paged<T> {
  return {
    items, page, pageSize, total,
    next: page * pageSize < total ? `?page=${page + 1}&pageSize=${pageSize}` : null,
    prev: page > 1 ? `?page=${page - 1}&pageSize=${pageSize}` : null,
  };
}

/** The page query of a request URL as operation input. */
export function pageParams(req: Request): { page?: string; pageSize?: string } {
  const url = new URL(req.url);
  return { page: url.searchParams.get("page") ?? undefined, pageSize: url.searchParams.get("pageSize") ?? undefined };
}
