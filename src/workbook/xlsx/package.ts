/**
 * An OPC package (the .xlsx zip) as parts: read lazily, amended in place, written back with every untouched part's
 * bytes exactly as they came (docs/file-layer.md). Part names are compared case-insensitively, as OPC requires.
 */
import { WorkbookError } from "../port";
import { xmlProblem } from "./well-formed";
import { attr, findTag, firstCloseTag, lastCloseTag, tagAt } from "./xml";
import { escapeXml } from "./xml-text";
import { inflateEntry, type NewEntry, readZip, writeZip, type ZipEntry } from "./zip";

/**
 * No single part may inflate to more than this (a 調査票 sheet is well under 1 MB; a sheet of styled rows down to
 * row 1,048,576 is about 40 MB). Checked against the size the zip declares, before any work.
 */
export const MAX_PART_BYTES = 96 * 1024 * 1024;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target resolved to a part name without leading slash (`xl/worksheets/sheet1.xml`), or as written when external. */
  readonly target: string;
  readonly external: boolean;
}

/** A part's relationships as read, with the revision of its .rels part they were read at. */
interface RelsRead {
  readonly revision: number;
  /** Only ever added to in place, by addRel (rels() hands out copies). */
  readonly list: Relationship[];
  /** The ids in the list, gathered when first needed. */
  ids?: Set<string>;
}

interface Part {
  readonly name: string;
  entry?: ZipEntry;
  /** Set when the add-in changed or created the part: its bytes, or its text until the bytes are asked for. */
  data?: Uint8Array;
  text?: string;
  /** Elements appended (appendInside) and not yet joined into `text`: the part is `head`, `adds`, `tail`. */
  pending?: { readonly local: string; readonly head: string; readonly adds: string[]; readonly tail: string };
}

function isChanged(p: Part): boolean {
  return p.data !== undefined || p.text !== undefined || p.pending !== undefined;
}

/**
 * A changed part's text, its pending appends joined in. Joined only when the text is asked for: copying 3,000 sheets
 * one by one appended to workbook.xml, its relationships and [Content_Types].xml 3,000 times each, and rebuilding
 * each part's text every time made the copy grow with the square of the count.
 */
function changedText(p: Part): string | undefined {
  if (p.pending) {
    p.text = p.pending.head + p.pending.adds.join("") + p.pending.tail;
    p.pending = undefined;
  }
  return p.text;
}

/** A changed part's bytes. Text is encoded only when asked for, once. */
function changedBytes(p: Part): Uint8Array {
  p.data ??= encoder.encode(changedText(p)!);
  return p.data;
}

const CT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml";
const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** `xl/worksheets/_rels/sheet1.xml.rels` for `xl/worksheets/sheet1.xml`; `_rels/.rels` for the package. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return normalise(target.slice(1));
  const base = source.slice(0, source.lastIndexOf("/") + 1);
  return normalise(base + target);
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(p).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return s.indexOf("%") >= 0 ? decodeURIComponent(s) : s;
  } catch {
    return s;
  }
}

/** A target written relative to the source part's folder, as Excel writes them. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export class Package {
  private readonly parts = new Map<string, Part>();
  private readonly texts = new Map<string, string>();
  /** Goes up with every change to a part, so what was read from the parts can be kept until one changes. */
  private changes = 0;
  /** The change that last touched each part (by lower-case name), so what was read from one part is kept until it changes. */
  private readonly partChanges = new Map<string, number>();
  /** Goes up when a part is added or removed (not when one is rewritten). */
  private partsAddedOrRemoved = 0;
  private partsRemoved = 0;
  private readonly relsRead = new Map<string, RelsRead>();
  private typesRead?: { readonly revision: number; readonly overrides: Map<string, string>; readonly defaults: ReadonlyMap<string, string> };
  /**
   * Entries whose name another entry already has, compared without regard to case (`sheet1.xml` and `Sheet1.xml`).
   * OPC allows only one of them and the first is the part read; the others are written back as they came, so a
   * write loses none of the user's entries.
   */
  private readonly shadowed: ZipEntry[] = [];

  get revision(): number {
    return this.changes;
  }

  /** The change that last touched part `name` (0: none since the package was opened). */
  revisionOf(name: string): number {
    return this.partChanges.get(name.toLowerCase()) ?? 0;
  }

  /** Goes up when a part is added or removed. */
  get partListRevision(): number {
    return this.partsAddedOrRemoved;
  }

  /** Goes up when a part is removed (a name taken before may be free again). */
  get removals(): number {
    return this.partsRemoved;
  }

  private constructor(entries: readonly ZipEntry[]) {
    for (const e of entries) {
      const key = e.name.replace(/^\//, "").toLowerCase();
      if (!this.parts.has(key)) this.parts.set(key, { name: e.name.replace(/^\//, ""), entry: e });
      else this.shadowed.push(e);
    }
  }

  static open(bytes: Uint8Array): Package {
    return new Package(readZip(bytes));
  }

  /** A package with no parts (a new workbook is built up from here). */
  static empty(): Package {
    return new Package([]);
  }

  has(name: string): boolean {
    return this.parts.has(name.toLowerCase());
  }

  /** The part's name as stored (its case may differ from a relationship's target). */
  storedName(name: string): string | undefined {
    return this.parts.get(name.toLowerCase())?.name;
  }

  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  /** The part's size once inflated, without inflating it. */
  size(name: string): number {
    const p = this.parts.get(name.toLowerCase());
    if (!p) return 0;
    return isChanged(p) ? changedBytes(p).length : (p.entry?.size ?? 0);
  }

  bytes(name: string, limit = MAX_PART_BYTES): Uint8Array | undefined {
    const p = this.parts.get(name.toLowerCase());
    if (!p) return undefined;
    if (isChanged(p)) return changedBytes(p);
    return inflateEntry(p.entry!, limit);
  }

  /** The part as text (UTF-8; a UTF-16 part with its byte order mark is decoded too), kept for the next call. */
  text(name: string, limit = MAX_PART_BYTES): string | undefined {
    return this.decode(name, limit, true);
  }

  /** The part as text, not kept: a worksheet is read once per pass, and 500 of them kept would cost memory for nothing. */
  textOnce(name: string, limit = MAX_PART_BYTES): string | undefined {
    return this.decode(name, limit, false);
  }

  private decode(name: string, limit: number, keep: boolean): string | undefined {
    const key = name.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    // A part this package wrote as text is that text (its appends joined): no need to encode and decode it.
    const part = this.parts.get(key);
    const own = part && (part.pending || part.text !== undefined) ? changedText(part) : undefined;
    if (own !== undefined) {
      this.texts.set(key, own);
      return own;
    }
    const b = this.bytes(name, limit);
    if (!b) return undefined;
    let s: string;
    if (b[0] === 0xff && b[1] === 0xfe) s = new TextDecoder("utf-16le").decode(b.subarray(2));
    else if (b[0] === 0xfe && b[1] === 0xff) s = new TextDecoder("utf-16be").decode(b.subarray(2));
    else s = decoder.decode(b);
    if (keep) this.texts.set(key, s);
    return s;
  }

  /** Replaces or adds a part. */
  set(name: string, content: string | Uint8Array): void {
    const key = name.toLowerCase();
    const existing = this.parts.get(key);
    this.partChanges.set(key, ++this.changes);
    if (!existing) this.partsAddedOrRemoved++;
    const stored = existing?.name ?? name;
    this.parts.set(key, typeof content === "string" ? { name: stored, text: content } : { name: stored, data: content });
    if (typeof content === "string") this.texts.set(key, content);
    else this.texts.delete(key);
    if (!existing && key.endsWith(".rels")) this.typeRelationships(name);
  }

  /**
   * Gives relationship parts their content type when the package has none for them: some writers name each .rels
   * part in an Override instead of one Default, and a new part without a type is one Excel repairs.
   */
  private typeRelationships(name: string): void {
    const xml = this.text("[Content_Types].xml");
    if (xml === undefined || this.contentType(name) !== undefined) return;
    const start = xml.indexOf("<Types");
    const open = start < 0 ? -1 : xml.indexOf(">", start);
    if (open < 0 || xml[open - 1] === "/") return;
    // Defaults first, where Excel writes them (the schema allows either order).
    this.set("[Content_Types].xml", `${xml.slice(0, open + 1)}<Default Extension="rels" ContentType="${CT_RELATIONSHIPS}"/>${xml.slice(open + 1)}`);
  }

  /**
   * Adds `content` at the end of element `local` (the document element when `root`), as setting the part with it
   * inserted before the element's closing tag would. The part's text is joined only when it is next read, so appends
   * in a row (a sheet, its relationship and its content type per copied sheet) cost the same however long the part
   * has grown. An element that is self-closing or not closed is left to insertBeforeClose, which opens or refuses it.
   */
  appendInside(name: string, local: string, content: string, root: boolean): void {
    const key = name.toLowerCase();
    const part = this.parts.get(key);
    if (part?.pending?.local === local && part.data === undefined) {
      part.pending.adds.push(content);
      this.partChanges.set(key, ++this.changes);
      return;
    }
    const xml = this.text(name);
    if (xml === undefined) throw new WorkbookError("corrupt-part", name);
    const close = root ? lastCloseTag(xml, local) : firstCloseTag(xml, local);
    if (close < 0) {
      this.set(name, insertBeforeClose(xml, local, content, name));
      return;
    }
    this.set(name, xml);
    const stored = this.parts.get(key)!;
    stored.text = undefined;
    stored.pending = { local, head: xml.slice(0, close), adds: [content], tail: xml.slice(close) };
    this.texts.delete(key);
  }

  remove(name: string): void {
    const key = name.toLowerCase();
    this.partChanges.set(key, ++this.changes);
    if (this.parts.has(key)) {
      this.partsAddedOrRemoved++;
      this.partsRemoved++;
    }
    this.parts.delete(key);
    this.texts.delete(key);
  }

  /** Names of the parts changed or added since the package was opened. */
  changedParts(): string[] {
    return [...this.parts.values()].filter(isChanged).map((p) => p.name);
  }

  /** True when the part is carried over exactly as it came. */
  unchanged(name: string): boolean {
    const p = this.parts.get(name.toLowerCase());
    return !!p && !isChanged(p);
  }

  /** Relationships of a part (`""` for the package's own). Missing or unreadable rels read as none. */
  rels(source: string): Relationship[] {
    // The workbook's relationships are asked for by the sheet list, the shared strings and the styles: read once
    // until their part changes (a 500-sheet workbook has 500 of them, and a copy adds one per sheet).
    return [...this.relsKept(source).list];
  }

  /** What rels() answers, as kept: read again only when the part has changed since. */
  private relsKept(source: string): RelsRead {
    const revision = this.revisionOf(source === "" ? "_rels/.rels" : relsPathOf(source));
    const kept = this.relsRead.get(source);
    if (kept?.revision === revision) return kept;
    const fresh = { revision, list: this.readRels(source) };
    this.relsRead.set(source, fresh);
    return fresh;
  }

  private readRels(source: string): Relationship[] {
    const path = source === "" ? "_rels/.rels" : relsPathOf(source);
    const xml = this.text(path);
    if (!xml) return [];
    const out: Relationship[] = [];
    let i = 0;
    for (;;) {
      i = findRel(xml, i);
      if (i < 0) break;
      const { tag, end } = tagAt(xml, i);
      i = end;
      const id = attr(tag, "Id");
      const type = attr(tag, "Type");
      const target = attr(tag, "Target");
      if (!id || !type || target === undefined) continue;
      const external = attr(tag, "TargetMode") === "External";
      out.push({ id, type, target: external ? target : resolveTarget(source === "" ? "" : source, target), external });
    }
    return out;
  }

  /** Adds a relationship from `source` to part `target`; returns its new id. */
  addRel(source: string, type: string, target: string): string {
    const path = relsPathOf(source);
    if (!this.has(path)) this.set(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`);
    const before = this.relsKept(source);
    // The ids taken, kept with the list while it is current: a workbook that 3,000 sheets are copied into one by one
    // would otherwise gather them 3,000 times.
    const taken = (before.ids ??= new Set(before.list.map((r) => r.id)));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const relative = relativeTarget(source, target);
    const rel = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relative)}"/>`;
    this.appendInside(path, "Relationships", rel, true);
    // The list read before, and this one: what reading the part again would give, without reading it again. The
    // list is only ever added to here, so the one kept grows in place (rels() hands out copies).
    before.list.push({ id, type, target: resolveTarget(source, relative), external: false });
    taken.add(id);
    this.relsRead.set(source, { ...before, revision: this.revisionOf(path) });
    return id;
  }

  /** Removes relationships from `source` by id. */
  removeRels(source: string, ids: ReadonlySet<string>): void {
    const path = relsPathOf(source);
    const xml = this.text(path);
    if (!xml || ids.size === 0) return;
    let out = "";
    let last = 0;
    let i = 0;
    for (;;) {
      i = findRel(xml, i);
      if (i < 0) break;
      const { tag, end } = tagAt(xml, i);
      let stop = end;
      if (!tag.endsWith("/>")) {
        const close = xml.indexOf("Relationship>", end);
        stop = close < 0 ? end : close + "Relationship>".length;
      }
      if (ids.has(attr(tag, "Id") ?? "")) {
        out += xml.slice(last, i);
        last = stop;
      }
      i = stop;
    }
    this.set(path, out + xml.slice(last));
  }

  /** Content type of a part by Override, then by Default extension. */
  contentType(part: string): string | undefined {
    const types = this.contentTypes();
    return types.overrides.get("/" + part.toLowerCase()) ?? types.defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
  }

  /**
   * [Content_Types].xml as lookups, read once until it changes: listing a workbook's tables asks for every part's
   * type, and a summary of 1,000 copied sheets asked a million times over.
   */
  private contentTypes(): { readonly overrides: Map<string, string>; readonly defaults: ReadonlyMap<string, string> } {
    const revision = this.revisionOf("[Content_Types].xml");
    if (this.typesRead?.revision === revision) return this.typesRead;
    const xml = this.text("[Content_Types].xml") ?? "";
    const overrides = new Map<string, string>();
    const defaults = new Map<string, string>();
    // The first of a name counts, as the lookup by scanning did.
    for (let i = xml.indexOf("<Override"); i >= 0; i = xml.indexOf("<Override", i)) {
      const { tag, end } = tagAt(xml, i);
      i = end;
      const name = (attr(tag, "PartName") ?? "").toLowerCase();
      const type = attr(tag, "ContentType");
      if (type !== undefined && !overrides.has(name)) overrides.set(name, type);
    }
    for (let i = xml.indexOf("<Default"); i >= 0; i = xml.indexOf("<Default", i)) {
      const { tag, end } = tagAt(xml, i);
      i = end;
      const ext = (attr(tag, "Extension") ?? "").toLowerCase();
      const type = attr(tag, "ContentType");
      if (type !== undefined && !defaults.has(ext)) defaults.set(ext, type);
    }
    this.typesRead = { revision, overrides, defaults };
    return this.typesRead;
  }

  /** Adds (or replaces) the Override for a part. */
  setContentType(part: string, type: string): void {
    this.removeContentType(part);
    if (!this.has("[Content_Types].xml")) this.set("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="${CT_RELATIONSHIPS}"/><Default Extension="xml" ContentType="application/xml"/></Types>`);
    const before = this.typesRead;
    const current = before?.revision === this.revisionOf("[Content_Types].xml");
    this.appendInside("[Content_Types].xml", "Types", `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`, true);
    // The table read before, and this Override (the part has none left): what reading the part again would give.
    if (current) {
      before!.overrides.set("/" + part.toLowerCase(), type);
      this.typesRead = { ...before!, revision: this.revisionOf("[Content_Types].xml") };
    }
  }

  removeContentType(part: string): void {
    if (!this.has("[Content_Types].xml")) return;
    const lower = "/" + part.toLowerCase();
    // A new part has no Override yet: asked of the table, not of the text (a copy of 3,000 sheets asks 3,000 times).
    if (!this.contentTypes().overrides.has(lower)) return;
    const xml = this.text("[Content_Types].xml");
    if (!xml) return;
    let i = 0;
    for (;;) {
      i = xml.indexOf("<Override", i);
      if (i < 0) return;
      const { tag, end } = tagAt(xml, i);
      if ((attr(tag, "PartName") ?? "").toLowerCase() === lower) {
        this.set("[Content_Types].xml", xml.slice(0, i) + xml.slice(end));
        return;
      }
      i = end;
    }
  }

  /**
   * The package as a zip: [Content_Types].xml first, the other parts in their original order, new ones after them,
   * and last the entries that repeat a part's name: opened again, the first of a name is still the part that was
   * read and written here.
   */
  toBytes(): Uint8Array {
    const ordered = [...this.parts.values()].sort((a, b) => rank(a) - rank(b));
    const entries: (ZipEntry | NewEntry)[] = ordered.map((p) => (isChanged(p) ? { name: p.name, data: changedBytes(p) } : p.entry!));
    return writeZip([...entries, ...this.shadowed]);
  }
}

/**
 * Refuses to write a package in which a changed or added XML part is not well-formed (well-formed.ts), naming the
 * part: what the amending code made of a part damaged where the lenient reader did not look. Parts carried over
 * unchanged are not looked at (docs/file-layer.md). VML is left alone: Excel's own is not XML.
 */
export function assertWellFormedChanges(pkg: Package): void {
  for (const name of pkg.changedParts()) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const text = pkg.text(name);
    if (text !== undefined && xmlProblem(text) !== undefined) throw new WorkbookError("corrupt-part", name);
  }
}

function rank(p: Part): number {
  return p.name === "[Content_Types].xml" ? -1 : p.entry ? 0 : 1;
}

function findRel(xml: string, from: number): number {
  // <Relationship but not <Relationships
  for (let i = from; ; ) {
    i = xml.indexOf("<Relationship", i);
    if (i < 0) return -1;
    const c = xml.charCodeAt(i + 13);
    if (c !== 115 /* s */) return i;
    i += 13;
  }
}

/**
 * Inserts `content` before the closing tag of element `local` (any prefix), opening a self-closed element. An element
 * opened and never closed refuses the change as `part` being damaged.
 */
export function insertBeforeClose(xml: string, local: string, content: string, part: string): string {
  const close = firstCloseTag(xml, local);
  if (close >= 0) return xml.slice(0, close) + content + xml.slice(close);
  const at = findTag(xml, local, 0);
  const selfAt = at >= 0 ? at : xml.search(new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s/>]`));
  if (selfAt < 0) throw new WorkbookError("corrupt-part", part);
  const { tag, end, selfClosing } = tagAt(xml, selfAt);
  // Opened and never closed (a part cut short): what follows is not known to be its content, so nothing is added.
  if (!selfClosing) throw new WorkbookError("corrupt-part", part);
  const name = tag.slice(1).split(/[\s/>]/)[0];
  return xml.slice(0, selfAt) + tag.replace(/\s*\/>$/, ">") + content + `</${name}>` + xml.slice(end);
}
