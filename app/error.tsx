"use client";

/** Shown when a page fails unexpectedly: a plain sentence in all three languages, never a stack. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-xl font-semibold">出错了 · 出錯了 · Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">请稍后再试。請稍後再試。Please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-700 px-4 py-2 text-sm font-medium text-white">
        重试 · 重試 · Retry
      </button>
    </main>
  );
}
