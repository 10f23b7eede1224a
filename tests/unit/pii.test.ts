import { describe, expect, it } from "vitest";
import { maskContact, maskSensitive } from "@/lib/pii";

describe("masking personal data in free text", () => {
  it("masks a card number that passes the Luhn check, keeping the last four digits", () => {
    const r = maskSensitive("客户卡号 6225 8812 3456 7898，要求查询");
    expect(r.masked).toBe(1);
    expect(r.text).toBe("客户卡号 ************7898，要求查询");
    expect(r.text).not.toContain("6225");
  });

  it("masks card numbers written together, with dashes or in full-width digits", () => {
    expect(maskSensitive("4111111111111111").text).toBe("************1111");
    expect(maskSensitive("4111-1111-1111-1111").text).toBe("************1111");
    expect(maskSensitive("卡号４１１１１１１１１１１１１１１１").text).toBe("卡号************1111");
  });

  it("leaves digit runs that are not card numbers (Luhn fails) alone", () => {
    const r = maskSensitive("来电单号 1234567812345678");
    expect(r.masked).toBe(0);
    expect(r.text).toBe("来电单号 1234567812345678");
  });

  it("masks a mainland ID-card number with a valid check digit", () => {
    const r = maskSensitive("身份证 11010519491231002X 已核实");
    expect(r.masked).toBe(1);
    expect(r.text).toBe("身份证 **************002X 已核实");
  });

  it("does not mask an ID-like number whose check digit is wrong", () => {
    expect(maskSensitive("110105194912310021").masked).toBe(0);
  });

  it("keeps phone numbers (staff see them masked instead)", () => {
    expect(maskSensitive("回电 13800138000").text).toBe("回电 13800138000");
  });
});

describe("showing contacts", () => {
  it("masks phone numbers and e-mail addresses", () => {
    expect(maskContact("13800138000")).toBe("138****8000");
    expect(maskContact("+86 138-0013-8000")).toBe("138****8000");
    expect(maskContact("li.ming@example.com")).toBe("l***@example.com");
    expect(maskContact(null)).toBeNull();
  });
});
