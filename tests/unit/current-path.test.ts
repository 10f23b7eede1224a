import { beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ headers: {} as Record<string, string> }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.headers) }));

const { currentPath } = await import("@/lib/request");

describe("currentPath", () => {
  beforeEach(() => {
    request.headers = {};
  });

  it("takes the path the proxy passed on a page request", async () => {
    request.headers = { "x-pathname": "/supervisor?kind=complaint", referer: "http://voc.example/agent", host: "voc.example" };
    expect(await currentPath()).toBe("/supervisor?kind=complaint");
  });

  it("takes a server action's page from its same-origin Referer, which the proxy did not see", async () => {
    request.headers = { referer: "http://voc.example/agent/records/new?from=home", host: "voc.example" };
    expect(await currentPath()).toBe("/agent/records/new?from=home");
  });

  it("never takes a path from another origin's Referer, nor from a malformed one", async () => {
    request.headers = { referer: "https://elsewhere.example/agent", host: "voc.example" };
    expect(await currentPath()).toBeNull();
    request.headers = { referer: "not a url", host: "voc.example" };
    expect(await currentPath()).toBeNull();
    request.headers = {};
    expect(await currentPath()).toBeNull();
  });
});
