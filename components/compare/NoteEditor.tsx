"use client";

import { useEffect } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import type { NoteBinding } from "@/lib/collab/client";
import s from "./compare.module.css";

interface Props {
  labels: { undo: string; redo: string; bold: string; italic: string; list: string };
  note: NoteBinding;
  user: { id: string; name: string; color: string };
  editable: boolean;
  autoFocus: boolean;
  placeholder: string;
  label: string;
}

/**
 * The rich-text note of an annotation: Tiptap bound to the annotation's own Y.XmlFragment, with
 * the other editors' carets. Pasted HTML goes through the editor's schema (StarterKit nodes and
 * marks only), so scripts, styles and unknown elements never enter the note. Collaboration
 * brings its own undo (the local user's edits of this note only), so StarterKit's is off.
 * `enableContentCheck` stays off: its error path calls disableCollaboration(), which destroys
 * the whole Y.Doc (every annotation of the document with it).
 */
export function NoteEditor({ note, user, editable, autoFocus, placeholder, label, labels }: Props) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        // No trailing node: it appends a paragraph on load, which would write to the note of a
        // reader who only opened it (and never be accepted from a read-only connection).
        StarterKit.configure({ undoRedo: false, trailingNode: false, heading: { levels: [3, 4] }, link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] } }),
        Collaboration.configure({ fragment: note.fragment }),
        CollaborationCaret.configure({ provider: note.provider, user: { name: user.name, color: user.color } }),
        Placeholder.configure({ placeholder }),
      ],
      editorProps: { attributes: { class: s.noteInput!, "aria-label": label, "data-testid": "note-editor" } },
    },
    [note.fragment, note.provider],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    if (editor && autoFocus && editable) editor.commands.focus("end");
  }, [editor, autoFocus, editable]);
  const button = (text: string, title: string, run: () => boolean, testId?: string) => (
    <button type="button" className={s.noteBtn} title={title} aria-label={title} onMouseDown={(e) => e.preventDefault()} onClick={run} disabled={!editor} data-testid={testId}>
      {text}
    </button>
  );
  return (
    <div className={s.noteWrap}>
      {editable && editor && (
        <div className={s.noteTools} role="toolbar" aria-label={label}>
          {button("B", labels.bold, () => editor.chain().focus().toggleBold().run())}
          {button("I", labels.italic, () => editor.chain().focus().toggleItalic().run())}
          {button("•", labels.list, () => editor.chain().focus().toggleBulletList().run())}
          <span className={s.toolbarSep} aria-hidden="true" />
          {button("↶", `${labels.undo} (Ctrl/⌘+Z)`, () => editor.chain().focus().undo().run(), "note-undo")}
          {button("↷", `${labels.redo} (Shift+Ctrl/⌘+Z)`, () => editor.chain().focus().redo().run(), "note-redo")}
        </div>
      )}
      <EditorContent editor={editor} className={s.note} />
    </div>
  );
}
