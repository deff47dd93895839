/**
 * Parent, sub-sheet and aggregate relations between records (docs/formats.md, 小平 調査票): `No.2-1`…`No.2-7` are parts
 * of item 2, and `No.2-1~5` aggregates parts 1–5. Parent and aggregate sheets may leave P, D and A empty.
 */
import type { SurveyRecord } from "../model/record";

export interface ParsedId {
  readonly root: string;
  /** k of `N-k`. */
  readonly sub?: number;
  /** a and b of `N-a~b`. */
  readonly range?: readonly [number, number];
}

export function parseRecordId(id: string): ParsedId {
  const m = /^(\d+)(?:-(\d+)(?:~(\d+))?)?$/.exec(id);
  if (!m) return { root: id };
  if (m[3] !== undefined) return { root: m[1], range: [Number(m[2]), Number(m[3])] };
  if (m[2] !== undefined) return { root: m[1], sub: Number(m[2]) };
  return { root: m[1] };
}

export class Family {
  private readonly byKey = new Map<string, SurveyRecord[]>();
  /** Records grouped by profile and root id, so relations are found without scanning the workbook. */
  private readonly byRoot = new Map<string, SurveyRecord[]>();

  constructor(records: readonly SurveyRecord[]) {
    for (const r of records) {
      if (r.role !== "records" || !r.id) continue;
      const k = this.key(r.profileId, r.id.text);
      const list = this.byKey.get(k);
      if (list) {
        list.push(r);
        continue;
      }
      this.byKey.set(k, [r]);
      const rk = this.key(r.profileId, parseRecordId(r.id.text).root);
      const roots = this.byRoot.get(rk);
      if (roots) roots.push(r);
      else this.byRoot.set(rk, [r]);
    }
  }

  private sameRoot(rec: SurveyRecord, root: string): readonly SurveyRecord[] {
    return this.byRoot.get(this.key(rec.profileId, root)) ?? [];
  }

  private key(profileId: string, id: string): string {
    return `${profileId}\u0000${id}`;
  }

  find(profileId: string, id: string): SurveyRecord | undefined {
    return this.byKey.get(this.key(profileId, id))?.[0];
  }

  all(): SurveyRecord[] {
    return [...this.byKey.values()].map((l) => l[0]);
  }

  /** The sub-sheets and aggregates under a main record, or the parts an aggregate covers. */
  childrenOf(rec: SurveyRecord): SurveyRecord[] {
    if (!rec.id) return [];
    const p = parseRecordId(rec.id.text);
    const out: SurveyRecord[] = [];
    for (const r of this.sameRoot(rec, p.root)) {
      if (!r.id || r === rec) continue;
      const q = parseRecordId(r.id.text);
      if (p.sub === undefined && p.range === undefined) {
        if (q.sub !== undefined || q.range !== undefined) out.push(r);
      } else if (p.range && q.sub !== undefined && q.sub >= p.range[0] && q.sub <= p.range[1]) {
        out.push(r);
      }
    }
    return out;
  }

  /** Parent or aggregate: a record whose figures are the sum of others. */
  isParent(rec: SurveyRecord): boolean {
    if (!rec.id) return false;
    const p = parseRecordId(rec.id.text);
    if (p.range) return true;
    if (p.sub !== undefined) return false;
    return this.childrenOf(rec).length > 0;
  }

  /** For a part `N-k`: the aggregate covering k if there is one, otherwise the main record `N`. */
  coveringOf(rec: SurveyRecord): SurveyRecord | undefined {
    if (!rec.id) return undefined;
    const p = parseRecordId(rec.id.text);
    if (p.sub === undefined) return undefined;
    for (const r of this.sameRoot(rec, p.root)) {
      if (!r.id) continue;
      const q = parseRecordId(r.id.text);
      if (q.range && p.sub >= q.range[0] && p.sub <= q.range[1]) return r;
    }
    return this.find(rec.profileId, p.root);
  }

  /** The main record `N` of a part or aggregate. */
  mainOf(rec: SurveyRecord): SurveyRecord | undefined {
    if (!rec.id) return undefined;
    const p = parseRecordId(rec.id.text);
    if (p.sub === undefined && p.range === undefined) return undefined;
    return this.find(rec.profileId, p.root);
  }
}
