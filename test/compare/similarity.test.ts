/**
 * @jest-environment node
 *
 * The similarity that pairs titles and finds copied text (docs/compare.md): 1 for the same text after normalisation,
 * twice the shared character pairs over all pairs otherwise, 0 for nothing in common.
 */
import { similarity } from "../../src/core/compare/similarity";

test("正規化して同じなら 1（全角・半角、空白、HTML のタグ、先頭の・）", () => {
  expect(similarity("事務事業の見直し（１２件）", "・事務事業の 見直し(12件)")).toBe(1);
  expect(similarity("<p>研修を実施した。</p>", "研修を実施した。")).toBe(1);
});

test("更なる／さらなる: 0.8 を超える。別の取組は遠い", () => {
  // 15 pairs and 14 pairs, 12 shared (市民 民参 参加 加の なる る推 推進 進に に係 係る る検 検討).
  expect(similarity("市民参加のさらなる推進に係る検討", "市民参加の更なる推進に係る検討")).toBeCloseTo((2 * 12) / (15 + 14), 10);
  expect(similarity("市民参加のさらなる推進に係る検討", "市民参加の更なる推進に係る検討")).toBeGreaterThan(0.8);
  expect(similarity("協働事業の推進", "協働推進体制の充実")).toBeLessThan(0.5);
});

test("共通のない文章、空の文章、1文字の文章", () => {
  expect(similarity("あいう", "かきく")).toBe(0);
  expect(similarity("", "研修")).toBe(0);
  expect(similarity("A", "B")).toBe(0);
  expect(similarity("A", "Ａ")).toBe(1);
});
