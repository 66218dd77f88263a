/**
 * The demo workspace's content file (prisma/demo/workspace.json): themes, annotations found by
 * their quoted text, replies, links and the argument map — written by people, so every field is
 * checked here before anything is sent, and a mistake names the entry it is in.
 */
import { z } from "zod";
import { RELATIONS } from "../argument/relations";
import { HIGHLIGHT_COLOURS } from "../compare/colours";

const key = z.string().regex(/^[a-z0-9-]{1,40}$/, { message: "keys are lower-case letters, digits and '-'" });
const colourName = z.enum(HIGHLIGHT_COLOURS.map((c) => c.id) as [string, ...string[]]);

const themeSchema = z.object({
  key,
  name: z.string().min(1).max(80),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string().max(500).optional(),
});

export const demoAnnotationSchema = z.object({
  id: key,
  by: key,
  /** The exact text of the passage, as the paper reads after import (never offsets: they move when the pipeline changes). */
  quote: z.string().min(1).max(2_000),
  /** Text right before the quote, only needed when the quote occurs more than once. */
  prefix: z.string().min(1).max(200).optional(),
  colour: colourName.optional(),
  themes: z.array(key).max(8).default([]),
  note: z.string().max(5_000).optional(),
  resolved: z.boolean().optional(),
  replies: z.array(z.object({ by: key, body: z.string().min(1).max(2_000) })).max(20).default([]),
});
export type DemoAnnotation = z.infer<typeof demoAnnotationSchema>;

const linkSchema = z.object({
  id: key,
  by: key,
  from: key,
  to: key,
  relation: z.enum(RELATIONS),
  note: z.string().max(500).optional(),
});
export type DemoLink = z.infer<typeof linkSchema>;

export const demoContentSchema = z.object({
  $comment: z.string().optional(),
  themes: z.array(themeSchema.extend({ children: z.array(themeSchema).max(20).default([]) })).min(1).max(20),
  /** Annotations per corpus file name (prisma/demo/demo.json). */
  documents: z.record(z.string(), z.array(demoAnnotationSchema).max(100)),
  links: z.array(linkSchema).max(100).default([]),
  map: z
    .object({
      nodes: z.array(z.object({ id: key, by: key, kind: z.enum(["claim", "question"]), text: z.string().min(1).max(300), x: z.number().finite(), y: z.number().finite() })).max(50),
      links: z.array(linkSchema).max(100),
    })
    .default({ nodes: [], links: [] }),
});
export type DemoContent = z.infer<typeof demoContentSchema>;
