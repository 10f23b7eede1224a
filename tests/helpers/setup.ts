import { vi } from "vitest";

// revalidatePath needs a request scope that tests do not have; what it would refresh is
// not what these tests check.
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  unstable_cache: <T>(fn: T) => fn,
}));
