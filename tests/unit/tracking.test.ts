import { describe, expect, it } from "vitest";
import { contactDigest, newTrackingNumber, normalizeTrackingNumber } from "@/lib/tracking";

describe("tracking numbers", () => {
  it("have the form VC-XXXX-XXXX in Crockford base32", () => {
    for (let i = 0; i < 50; i++) expect(newTrackingNumber()).toMatch(/^VC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("accept what a person types", () => {
    expect(normalizeTrackingNumber("vc-7k2m-9qx4")).toBe("VC-7K2M-9QX4");
    expect(normalizeTrackingNumber("7K2M 9QX4")).toBe("VC-7K2M-9QX4");
    expect(normalizeTrackingNumber("VC-7K2M-9QXO")).toBe("VC-7K2M-9QX0");
    expect(normalizeTrackingNumber("VC-7K2M")).toBeNull();
    expect(normalizeTrackingNumber("'; drop table records;--")).toBeNull();
  });

  it("match a contact however it is typed again", () => {
    expect(contactDigest("+86 138-0013-8000")).toBe(contactDigest("13800138000"));
    expect(contactDigest(" Li.Ming@Example.com ")).toBe(contactDigest("li.ming@example.com"));
    expect(contactDigest("13800138000")).not.toBe(contactDigest("13800138001"));
  });
});
