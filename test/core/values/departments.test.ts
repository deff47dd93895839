import * as fs from "fs";
import * as path from "path";
import { parseDepartments } from "../../../src/core/values/departments";

const SEEDS = path.join(__dirname, "../../../seeds/data/kodaira");
function seed(file: string): { departments: string[]; departments_raw: string; departments_etc?: boolean }[] {
  return JSON.parse(fs.readFileSync(path.join(SEEDS, file), "utf8"));
}

function names(raw: string): string[] {
  return parseDepartments(raw).departments.map((d) => d.name);
}

describe("parseDepartments", () => {
  test("、 と空白で分け、他 は andOthers", () => {
    expect(parseDepartments("市民協働・男女参画推進課、政策課 他")).toEqual({
      departments: [{ name: "市民協働・男女参画推進課" }, { name: "政策課" }],
      andOthers: true,
      wildcards: [],
    });
  });

  test("名前の中の ・ では分けない、名前と名前の間の ・ では分ける", () => {
    expect(names("市民協働・男女参画推進課")).toEqual(["市民協働・男女参画推進課"]);
    expect(names("政策課・財政課・公民館")).toEqual(["政策課", "財政課", "公民館"]);
    expect(names("・政策課")).toEqual(["政策課"]);
  });

  test("PDF の折り返しで切れた名前はつなぐ", () => {
    expect(names("政策課 市民協働・男女 参画推進課")).toEqual(["政策課", "市民協働・男女参画推進課"]);
    expect(names("公共施設マネジメント課、 市民協働・男女参画推進 課、公民館")).toEqual(["公共施設マネジメント課", "市民協働・男女参画推進課", "公民館"]);
  });

  test("括弧の注記は前の課の note、) の直後の名前は次の課", () => {
    expect(parseDepartments("公共施設マネジメント課(旧行政経営課)施設所管課")).toEqual({
      departments: [{ name: "公共施設マネジメント課", note: "旧行政経営課" }, { name: "施設所管課" }],
      andOthers: false,
      wildcards: ["施設所管課"],
    });
    expect(parseDepartments("財政課 会計課 公共施設マネジメント課(旧財産管理課)全課").departments).toEqual([
      { name: "財政課" },
      { name: "会計課" },
      { name: "公共施設マネジメント課", note: "旧財産管理課" },
      { name: "全課" },
    ]);
    expect(parseDepartments("資産活用課（平成30年度より資産活用課）").departments).toEqual([{ name: "資産活用課", note: "平成30年度より資産活用課" }]);
  });

  test("各所管課 全課 各課 施設所管課 は課としても wildcards としても返す", () => {
    const r = parseDepartments("秘書広報課 各所管課 全課 各課 施設所管課");
    expect(r.departments.map((d) => d.name)).toEqual(["秘書広報課", "各所管課", "全課", "各課", "施設所管課"]);
    expect(r.wildcards).toEqual(["各所管課", "全課", "各課", "施設所管課"]);
  });

  test("全角空白・改行・全角カンマでも分ける、他 が名前に続いても読む", () => {
    expect(names("政策課\u3000財政課\n職員課，会計課,秘書広報課")).toEqual(["政策課", "財政課", "職員課", "会計課", "秘書広報課"]);
    expect(parseDepartments("政策課他")).toMatchObject({ departments: [{ name: "政策課" }], andOthers: true });
  });

  test("空の入力は空のリスト", () => {
    expect(parseDepartments("")).toEqual({ departments: [], andOthers: false, wildcards: [] });
    expect(parseDepartments("  ")).toEqual({ departments: [], andOthers: false, wildcards: [] });
  });

  test("seed の sheets.json の所管課はすべて抽出結果と一致する(注記を名前に戻して比べる)", () => {
    for (const s of seed("sheets.json")) {
      const got = parseDepartments(s.departments_raw).departments.map((d) => (d.note ? `${d.name}(${d.note})` : d.name));
      expect(got).toEqual(s.departments);
    }
  });

  test("seed の items.json の主な推進担当課はすべて一致し、他 は departments_etc", () => {
    for (const it of seed("items.json")) {
      const r = parseDepartments(it.departments_raw);
      expect(r.departments.map((d) => d.name)).toEqual(it.departments);
      expect(r.andOthers).toBe(!!it.departments_etc);
    }
  });
});
