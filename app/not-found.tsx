import './globals.css';

// Only reached for a URL outside any locale that the proxy did not send to a localized 404.
// Both languages, since there is no locale to choose from.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="bg-bg text-fg">
        <main className="mx-auto max-w-xl px-4 py-16">
          <h1 className="text-3xl font-bold">Page not found</h1>
          <p className="mt-4" lang="zh">
            页面不存在
          </p>
          <p className="mt-6 flex gap-4">
            <a className="text-accent underline" href="/en">
              Learning path
            </a>
            <a className="text-accent underline" href="/zh" lang="zh">
              学习路径
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
