import { absoluteA1 } from "../../src/core/model/address";

test("absoluteA1 fixes every row and column of a cell or a range, and leaves what is fixed already", () => {
  expect(absoluteA1("B12")).toBe("$B$12");
  expect(absoluteA1("A4:K47")).toBe("$A$4:$K$47");
  expect(absoluteA1("AA100:XFD1048576")).toBe("$AA$100:$XFD$1048576");
  expect(absoluteA1("$A4:B$5")).toBe("$A$4:$B$5");
  expect(absoluteA1("$C$3")).toBe("$C$3");
});
