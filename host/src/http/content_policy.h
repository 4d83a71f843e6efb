// The Content-Security-Policy headers Beacon sends. Pages: scripts only from
// this site (/static/app.js, no inline script or event handler attribute),
// inline styles (the layout's <style> and style attributes), images from this
// site or data: URIs, forms posting only here, never framed; the service
// worker, the manifest and the offline queue's uploads (fetch) from this site. Summary documents
// (the printable HTML report with inline SVG and CSS, downloaded from
// /api/v1/summaries): no script at all, inline styles and data: images only,
// sandboxed. Constants; thread-safe.
#pragma once

namespace beacon::http {

inline constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

inline constexpr const char* kDocumentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; sandbox";

}  // namespace beacon::http
