import { formatNumber } from "../../src/taskpane/demo/number-format";

describe("formatNumber (the demo grid shows numbers as Excel would)", () => {
  it("shows the plain number for General or no format, without float noise", () => {
    expect(formatNumber(42)).toBe("42");
    expect(formatNumber(0.1 + 0.2, "General")).toBe("0.3");
    expect(formatNumber(-3.5)).toBe("-3.5");
  });

  it("shows percent formats as percentages with the format's decimals (評価集計's 割合)", () => {
    expect(formatNumber(0.317, "0.0%")).toBe("31.7%");
    expect(formatNumber(2 / 41, "0.0%")).toBe("4.9%");
    expect(formatNumber(1, "0%")).toBe("100%");
    expect(formatNumber(0.12345, "0.00%")).toBe("12.35%");
  });

  it("groups thousands and keeps the decimals the format asks for", () => {
    expect(formatNumber(56139, "#,##0")).toBe("56,139");
    expect(formatNumber(1234.5, "#,##0.##")).toBe("1,234.5");
    expect(formatNumber(3, "#,##0.##")).toBe("3.");
    expect(formatNumber(7.25, "0.0")).toBe("7.3");
    expect(formatNumber(0.5, "#.##")).toBe(".5");
  });

  it("picks the section whose condition holds (指標達成状況's progress column)", () => {
    const progress = '[>2]">200%";[<-1]"<-100%";0.0%';
    expect(formatNumber(3.4, progress)).toBe(">200%");
    expect(formatNumber(-3.44, progress)).toBe("<-100%");
    expect(formatNumber(0.875, progress)).toBe("87.5%");
    expect(formatNumber(-0.5, progress)).toBe("-50.0%");
  });

  it("shows a negative number in a two-section format by the second section, without its sign", () => {
    expect(formatNumber(-1200, '#,##0;"▲"#,##0')).toBe("▲1,200");
    expect(formatNumber(1200, '#,##0;"▲"#,##0')).toBe("1,200");
  });

  it("keeps quoted literals and drops colour tokens", () => {
    expect(formatNumber(12, '0"件"')).toBe("12件");
    expect(formatNumber(-5, "0;[Red]0")).toBe("5");
  });
});
