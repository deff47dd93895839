/** The units a quantity can carry, and their one spelling (`ヶ所` is `か所`, `㎡` is `m²`). */

/** Units, longest first. Counters, money, SI-ish units. */
const UNIT_WORDS = [
  "事業所", "事業者", "事業", "事務", "団体", "地区", "か所", "ヶ所", "カ所", "ケ所", "箇所", "施設", "種類", "店舗",
  "住区", "指標", "世帯", "時間", "人日", "日間", "週間", "か月", "ヶ月", "カ月", "ケ月", "箇月", "年間", "区画",
  "グループ", "ポイント", "パーセント", "件", "人", "回", "校", "台", "基", "点", "本", "社", "冊", "日", "名", "園", "戸",
  "組", "課", "通", "枚", "個", "機", "棟", "頁", "館", "倍", "歳", "円", "割", "％",
];
const ASCII_UNITS = ["t-CO2", "t-CO₂", "kWh", "kW", "MW", "km", "kg", "ha", "m³", "m²", "m ³", "m ²", "pt", "g", "t", "m", "%"];
const SPECIAL_UNITS = ["㎥", "㎡", "㎞", "㎏"];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

export const UNIT_RE = new RegExp(
  `(?:${[...UNIT_WORDS, ...SPECIAL_UNITS].sort((a, b) => b.length - a.length).map(escapeRe).join("|")}|(?:${ASCII_UNITS.sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|")})(?![A-Za-z]))`,
  "y",
);

export const UNIT_CANON: Readonly<Record<string, string>> = {
  ヶ所: "か所", カ所: "か所", ケ所: "か所", 箇所: "か所",
  ヶ月: "か月", カ月: "か月", ケ月: "か月", 箇月: "か月",
  "m ³": "m³", "m ²": "m²", "㎥": "m³", "㎡": "m²", "㎞": "km", "㎏": "kg", "t-CO₂": "t-CO2", パーセント: "%", "％": "%",
};
