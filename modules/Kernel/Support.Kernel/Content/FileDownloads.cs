using Microsoft.AspNetCore.Http;
using Support.Kernel.Storage;

namespace Support.Kernel.Content;

/// <summary>A stored file as a download offers it: its blob, the type found from its content when it was accepted, its safe name.</summary>
public sealed record DownloadableFile(string BlobKey, string ContentType, string FileName);

/// <summary>
/// Serves stored files (ticket and article attachments) as downloads, never inline:
/// <c>Content-Disposition: attachment</c>, the type found from the content, <c>nosniff</c> (the host's
/// headers) and a sandboxing policy, so that no uploaded file can run in the site's origin. Who may
/// read which file is the caller's decision; this only serves it.
/// </summary>
public static class FileDownloads
{
    /// <summary>The file as a download, or 404 when there is none (no such row, or its blob is missing).</summary>
    public static IResult Serve(HttpContext context, IBlobStore blobs, DownloadableFile? file)
    {
        var stream = file is null ? null : blobs.OpenRead(file.BlobKey);
        if (stream is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(stream, file!.ContentType, file.FileName);
    }
}
