"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buildAnchor, createAnnotation } from "@/lib/collab/model";
import { addPane, closePane, DEFAULT_COLOUR, movePane, presenceColour, serialiseViewState, type CompareViewState } from "@/lib/core/compare";
import { can } from "@/lib/core/permissions";
import type { PickerCandidate } from "@/components/links/LinkPicker";
import { useWorkspaceThemes } from "@/components/themes/use-workspace-themes";
import type { LinkEndpoint } from "@/lib/core/argument/link-schema";
import { catalogOf } from "@/lib/core/argument/validate-link";
import type { CardPicker, CardTools } from "./card-tools";
import { CollabSession } from "./collab-session";
import { CompareBar } from "./CompareBar";
import { highlightsSupported } from "./highlight-painter";
import { LinkConnectors } from "./LinkConnectors";
import { SearchMarks } from "@/components/search/SearchMarks";
import { SelectionSimilar } from "@/components/similar/SelectionSimilar";
import { withTextHits } from "@/components/similar/text-candidates";
import { LinkDragLayer, useLinkDrag } from "./LinkDrag";
import { Pane } from "./Pane";
import type { PaneHandle } from "./pane-handle";
import { annotationsAtPoint } from "./read-selection";
import { SelectionToolbar } from "./SelectionToolbar";
import { Sidebar } from "./Sidebar";
import { ColourBySwitch, useThemeLens } from "./ThemeLens";
import type { CompareData, CompareUser, FocusRef } from "./types";
import { useAnnotationSelection } from "./use-annotation-selection";
import { useErrorReason } from "./use-error-reason";
import { useFocus } from "./use-focus";
import { useFoundPassages } from "./use-found-passages";
import { useSelection } from "./use-selection";
import { useSyncScroll } from "./use-sync-scroll";
import { useWorkspaceLinks } from "./use-workspace-links";
import s from "./compare.module.css";

interface Props {
  data: CompareData;
  initial: CompareViewState & { dropped: number };
  user: CompareUser;
  /** Null when no token could be issued (collab server down): the view is then read-only. */
  collab: { url: string; token: string } | null;
}

/**
 * The compare view: one to four documents side by side, each pane with its outline, own scroll
 * and live annotations; a sidebar with the active pane's annotations or the focused card. The
 * URL always describes the view (documents, positions, focus, sync) so a copied link reopens it.
 */
export function CompareView({ data, initial, user, collab: collabProp }: Props) {
  const t = useTranslations("compare");
  const reason = useErrorReason();
  const router = useRouter();
  const pathname = usePathname();
  const colour = useMemo(() => presenceColour(user.id), [user.id]);
  const role = data.workspace.role;
  const canCreate = can(role, "annotation.create");
  const canReply = can(role, "annotation.reply");
  const canTag = can(role, "annotation.edit");
  const canLink = can(role, "link.manage");

  // The page re-renders (with a new token) when a pane is added; the connection must not restart.
  const [collab] = useState(collabProp);
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    if (!collab) return;
    performance.mark("synoptic:session");
    const sess = new CollabSession(collab.url, collab.token, data.workspace.id, { id: user.id, name: user.name, color: colour });
    // The session is an external system (sockets, IndexedDB) whose lifetime is this effect's.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(sess);
    return () => sess.destroy();
  }, [collab, data.workspace.id, user.id, user.name, colour]);

  const [order, setOrder] = useState<string[]>(() => data.panes.map((p) => p.document.id));
  const [handles, setHandles] = useState<Map<string, PaneHandle>>(() => new Map());
  const [active, setActive] = useState(0);
  const [sync, setSync] = useState(initial.sync);
  const [toast, setToast] = useState<string | null>(null);
  const positions = useRef(new Map(initial.documents.map((d, i) => [d, initial.positions[i] ?? 0])));
  const panes = useMemo(() => order.map((id) => handles.get(id)).filter((h): h is PaneHandle => !!h), [order, handles]);

  const register = useCallback((id: string, h: PaneHandle | null) => {
    setHandles((prev) => {
      const next = new Map(prev);
      if (h) next.set(id, h);
      else next.delete(id);
      return next;
    });
  }, []);

  const { focus, focusId, focusNote, setFocus } = useFocus(panes, initial.focus);

  // Themes (#6) and links (#7) live in the workspace doc, which the session already has open.
  const meta = session?.meta.doc ?? null;
  const themes = useWorkspaceThemes(meta);
  const links = useWorkspaceLinks(meta);
  const lens = useThemeLens(panes, themes);
  const [pickerRequest, setPickerRequest] = useState<CardTools["request"]>(null);
  const panesBox = useRef<HTMLDivElement>(null);
  const viewState = useCallback(
    (docs: string[] = order): CompareViewState => ({
      documents: docs,
      positions: docs.map((d) => positions.current.get(d) ?? 0),
      focus: focusId,
      sync,
    }),
    [order, focusId, sync],
  );
  const writeUrl = useCallback((st: CompareViewState) => {
    const qs = serialiseViewState(st);
    window.history.replaceState(window.history.state, "", qs ? `${pathname}?${qs}` : pathname);
  }, [pathname]);
  useEffect(() => writeUrl(viewState()), [viewState, writeUrl]);

  const onScrolled = useSyncScroll(panes, sync, (docId, at) => positions.current.set(docId, at), () => writeUrl(viewState()));

  const showToast = useCallback((message: string) => {
    setToast(message);
    window.setTimeout(() => setToast((m) => (m === message ? null : m)), 6000);
  }, []);

  // Moving a pane moves its DOM (so reading and tab order follow what is seen), which can
  // reset its scroll: remember every pane's scroll and put it back right after the move.
  const scrollsBeforeMove = useRef<Map<string, number> | null>(null);
  const changeOrder = (next: CompareViewState) => {
    scrollsBeforeMove.current = new Map(panes.map((p) => [p.data.document.id, p.scroller.scrollTop]));
    setOrder(next.documents);
    writeUrl(next);
  };
  useLayoutEffect(() => {
    const saved = scrollsBeforeMove.current;
    if (!saved) return;
    scrollsBeforeMove.current = null;
    for (const p of panes) {
      const top = saved.get(p.data.document.id);
      if (top !== undefined) restoreScroll(p.scroller, top);
    }
  }, [order, panes]);
  const add = (documentId: string, focusOn?: string) => {
    const next = addPane(focusOn ? { ...viewState(), focus: focusOn } : viewState(), documentId);
    if (next.documents.length === order.length) return;
    setOrder(next.documents);
    // New text comes from the server: the page re-renders with one more pane, the others keep their state.
    router.replace(`${pathname}?${serialiseViewState(next)}`, { scroll: false });
  };

  const [selection, clearSelection] = useSelection(panes);
  // Annotations ticked for tagging at once (#6): here, so the selection outlives sidebar tabs and spans panes.
  const picked = useAnnotationSelection(panes);
  const [toolbarFocus, setToolbarFocus] = useState(0);
  const create = (hex: string, withNote: boolean, picker?: CardPicker) => {
    if (!selection?.ok) return;
    const pane = selection.pane;
    if (!pane.docs) return showToast(t("noCollab"));
    try {
      const anchor = buildAnchor(pane.data.version.text, pane.data.version.id, selection.start, selection.end);
      const entry = createAnnotation(pane.docs.annotations.doc, { anchor, colour: hex }, { id: user.id, name: user.name }, new Date());
      clearSelection();
      if (withNote || picker) {
        setActive(Math.max(0, panes.indexOf(pane)));
        setPickerRequest(picker ? { annotationId: entry.id, kind: picker } : null);
        setFocus({ documentId: pane.data.document.id, annotationId: entry.id }, false, withNote);
      }
    } catch (e) {
      showToast(t("problem.create_failed", { reason: reason(e) }));
    }
  };

  // The other end of a link: focused where it is open, otherwise its document opens in a pane
  // (the URL names it as the focus) and it is focused once that pane's annotations hold it.
  const [awaiting, setAwaiting] = useState<FocusRef | null>(null);
  const openEnd = (end: LinkEndpoint) => {
    if (end.kind !== "annotation") return;
    const here = panes.find((p) => p.store?.get(end.id));
    const documentId = here?.data.document.id ?? end.documentId;
    if (!documentId) return showToast(t("card.linkUnreachable"));
    const ref = { documentId, annotationId: end.id };
    if (order.includes(documentId)) {
      setActive(Math.max(0, order.indexOf(documentId)));
      setFocus(ref, true);
    } else if (!data.documents.some((d) => d.id === documentId)) {
      showToast(t("card.linkUnreachable"));
    } else if (order.length >= 4) {
      showToast(t("full"));
    } else {
      setAwaiting(ref);
      add(documentId, end.id);
    }
  };
  useEffect(() => {
    if (!awaiting) return;
    const pane = panes.find((p) => p.data.document.id === awaiting.documentId);
    const store = pane?.store;
    if (!store) return;
    const check = () => {
      if (!store.get(awaiting.annotationId)) return;
      setAwaiting(null);
      setActive(Math.max(0, order.indexOf(awaiting.documentId)));
      setFocus(awaiting, true);
    };
    const off = store.subscribe(check);
    queueMicrotask(check);
    return off;
  }, [awaiting, panes, order, setFocus]);

  // Linking by dragging from highlight to highlight (Alt+drag, or the card's link handle).
  const linkDrag = useLinkDrag(panes, canLink && !!meta, () => showToast(t("linkDrag.refused")));
  const annotationsOfPanes = () => panes.flatMap((p) => (p.store?.list() ?? []).map((a) => ({ pane: p, a })));
  const found = useFoundPassages(data.workspace.id, panes, links);
  const tools: CardTools = {
    workspaceId: data.workspace.id,
    meta,
    themes,
    links,
    canTag,
    canCreateTheme: can(role, "theme.manage"),
    canLink,
    // Only the open panes' annotations: the page loads no others (open a document to link to it).
    candidates: (): PickerCandidate[] =>
      annotationsOfPanes().map(({ pane, a }) => ({
        id: a.id,
        kind: "annotation",
        documentId: pane.data.document.id,
        documentTitle: pane.data.document.title,
        text: a.entry.anchor.exact,
        authorName: a.entry.author.name,
      })),
    searchCandidates: withTextHits(data.workspace.id, found.search),
    // The search's hits exist in the projection, so links to them pass the model's check (a hit
    // deleted since the search is left to the projection, which drops links to deleted passages).
    catalog: () => catalogOf([...annotationsOfPanes().map(({ a }) => a.id), ...found.ids()], []),
    describe: (end) => {
      const item = end.kind === "annotation" ? panes.map((p) => p.store?.get(end.id)).find(Boolean) : undefined;
      if (item) return { label: item.entry.anchor.exact };
      const hit = end.kind === "annotation" ? found.get(end.id) : undefined;
      if (hit) return { label: hit.text };
      const title = data.documents.find((d) => d.id === end.documentId)?.title;
      return { label: title ? t("card.inDocument", { title }) : t("card.otherWorkspaceDoc"), missing: end.kind !== "annotation" || !end.documentId };
    },
    openEnd,
    startLinkDrag: canLink && meta ? (from, e) => linkDrag.startFrom(from, e) : undefined,
    request: pickerRequest,
  };

  // Click on a highlight → its card; Alt+A → toolbar; Ctrl/Cmd+Z outside editors → the active pane's undo.
  const onClick = (e: React.MouseEvent) => {
    if (linkDrag.consumeClick()) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const idx = panes.findIndex((p) => p.article.contains(e.target as Node));
    const pane = panes[idx];
    if (!pane) return;
    const ids = annotationsAtPoint(pane, e.clientX, e.clientY);
    if (!ids.length) return;
    // Ctrl/Cmd-click adds the innermost highlight to the multi-selection (or takes it out).
    if ((e.ctrlKey || e.metaKey) && canTag && meta) {
      setActive(idx);
      picked.toggle(pane.data.document.id, ids[0]!);
      return;
    }
    // Overlapping annotations: the innermost first, and each further click on the same spot the next one.
    const current = focus && focus.documentId === pane.data.document.id ? ids.indexOf(focus.annotationId) : -1;
    setActive(idx);
    setFocus({ documentId: pane.data.document.id, annotationId: ids[(current + 1) % ids.length]! }, false);
  };
  // Highlights are not elements: the pointer cursor over them comes from a hit test, once a frame.
  const hover = useRef({ frame: 0, x: 0, y: 0, target: null as EventTarget | null });
  const onMouseMove = (e: React.MouseEvent) => {
    const h = hover.current;
    h.x = e.clientX;
    h.y = e.clientY;
    h.target = e.target;
    if (h.frame) return;
    h.frame = requestAnimationFrame(() => {
      h.frame = 0;
      const pane = panes.find((p) => p.article.contains(h.target as Node));
      const over = !!pane && annotationsAtPoint(pane, h.x, h.y).length > 0;
      for (const p of panes) p.article.toggleAttribute("data-over-highlight", over && p === pane);
    });
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.code === "KeyA") {
        e.preventDefault();
        if (canCreate && !window.getSelection()?.isCollapsed) setToolbarFocus((n) => n + 1);
        else if (canCreate) showToast(t("toolbar.selectFirst"));
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || (e.key.toLowerCase() !== "z" && e.key.toLowerCase() !== "y")) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      const undo = (panes[active] ?? panes[0])?.undo;
      if (!undo) return;
      e.preventDefault();
      if (e.key.toLowerCase() === "y" || e.shiftKey) undo.redo();
      else undo.undo();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [panes, active, canCreate, showToast, t]);

  const visible = order.map((id) => data.panes.find((p) => p.document.id === id)).filter((p): p is CompareData["panes"][number] => !!p);
  return (
    <div className={s.view} data-testid="compare-view" data-panes={visible.length}>
      <CompareBar
        data={data}
        order={order}
        session={session}
        me={{ id: user.id, name: user.name, color: colour }}
        sync={sync}
        onSync={setSync}
        onAdd={add}
        onCopied={() => showToast(t("linkCopied"))}
      >
        {meta && <ColourBySwitch lens={lens} />}
      </CompareBar>
      <SearchMarks workspaceId={data.workspace.id} panes={panes} />
      {initial.dropped > 0 && <p className="alert small" role="status">{t("dropped", { count: initial.dropped })}</p>}
      {data.missing.length > 0 && <p className="alert small" role="status">{t("missing", { count: data.missing.length })}</p>}
      {!collab && <p className="alert error small" role="status">{t("noCollab")}</p>}
      {collab && role === "viewer" && <p className={`${s.roleNote} small`} data-testid="role-note">{t("role.viewer")}</p>}
      {collab && role === "commenter" && <p className={`${s.roleNote} small`} data-testid="role-note">{t("role.commenter")}</p>}
      {typeof window !== "undefined" && !highlightsSupported() && <p className="alert small">{t("noHighlights")}</p>}
      {visible.length === 0 ? (
        <p className={`${s.empty} muted`}>{t("empty")}</p>
      ) : (
        <div className={s.workspace}>
          <div ref={panesBox} className={s.panes} style={{ "--panes": visible.length } as React.CSSProperties} onClick={onClick} onMouseMove={onMouseMove} onPointerDown={linkDrag.onPanesPointerDown}>
            {visible.map((p) => {
              const index = order.indexOf(p.document.id);
              return (
                <div key={p.document.id} className={s.paneSlot}>
                  <Pane
                    index={index}
                    count={order.length}
                    data={p}
                    session={session}
                    initialOffset={initial.positions[initial.documents.indexOf(p.document.id)] ?? 0}
                    active={index === active}
                    onReady={register}
                    onScroll={onScrolled}
                    onMove={(from, to) => changeOrder(movePane(viewState(), from, to))}
                    onClose={(i) => changeOrder(closePane(viewState(), i))}
                    onActivate={setActive}
                  />
                </div>
              );
            })}
            <LinkConnectors
              container={panesBox}
              panes={panes}
              links={links}
              onClick={(linkId, end) => {
                const link = links.find((l) => l.id === linkId);
                if (link) openEnd(end === "from" ? link.from : link.to);
              }}
            />
            <LinkDragLayer drag={linkDrag} panes={panes} meta={meta} catalog={tools.catalog} actor={{ id: user.id, name: user.name }} onCreated={() => showToast(t("linkDrag.created"))} />
          </div>
          <Sidebar
            panes={panes}
            active={Math.min(active, Math.max(0, panes.length - 1))}
            focus={focus}
            focusNote={focusNote}
            actor={{ id: user.id, name: user.name }}
            colour={colour}
            canEdit={can(role, "annotation.edit")}
            canReply={canReply}
            tools={tools}
            lens={lens}
            selection={picked}
            onActivate={setActive}
            onFocus={(ref: FocusRef | null, scroll: boolean) => {
              if (ref) setActive(Math.max(0, order.indexOf(ref.documentId)));
              setFocus(ref, scroll);
            }}
          />
        </div>
      )}
      {selection && canCreate && (
        <SelectionToolbar
          info={selection}
          focusRequest={toolbarFocus}
          onHighlight={(hex) => create(hex, false)}
          onNote={() => create(DEFAULT_COLOUR, true)}
          onTheme={canTag && meta ? () => create(DEFAULT_COLOUR, false, "theme") : undefined}
          onLink={canLink && meta ? () => create(DEFAULT_COLOUR, false, "link") : undefined}
          onClose={clearSelection}
        >
          {selection.ok && <SelectionSimilar key={`${selection.start}-${selection.end}`} workspaceId={data.workspace.id} documentId={selection.pane.data.document.id} start={selection.start} end={selection.end} />}
        </SelectionToolbar>
      )}
      {toast && <p className={s.toast} role="status" data-testid="toast">{toast}</p>}
    </div>
  );
}


/** A DOM scroll position (not React state), put back after a pane moved. */
function restoreScroll(el: HTMLElement, top: number): void {
  if (Math.abs(el.scrollTop - top) > 1) el.scrollTop = top;
}
