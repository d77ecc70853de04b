using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Content;
using Support.Kernel.Storage;
using Support.KnowledgeBase.Data;
using Support.KnowledgeBase.Domain;

namespace Support.KnowledgeBase.Web;

/// <summary>
/// Serves articles' files as downloads, never inline (<c>Content-Disposition: attachment</c>, the type
/// found from the content, <c>nosniff</c>, a sandboxing policy). Customers reach only the files of
/// published public articles; staff reach any.
/// </summary>
internal static class AttachmentDownloads
{
    public static void Map(IEndpointRouteBuilder endpoints, string staffPolicy)
    {
        endpoints.MapGet("/kb/attachments/{id:long}", async (long id, HttpContext context, KnowledgeBaseDbContext db, IBlobStore blobs) =>
        {
            var attachment = await db.Attachments.AsNoTracking()
                .Where(a => a.Id == id && db.Articles.Any(x => x.Id == a.ArticleId && x.Status == ArticleStatus.Published && x.Visibility == ArticleVisibility.Public))
                .SingleOrDefaultAsync(context.RequestAborted);
            return Serve(context, attachment, blobs);
        });

        endpoints.MapGet("/Staff/KnowledgeBase/attachments/{id:long}", async (long id, HttpContext context, KnowledgeBaseDbContext db, IBlobStore blobs) =>
        {
            var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, context.RequestAborted);
            return Serve(context, attachment, blobs);
        }).RequireAuthorization(staffPolicy);
    }

    private static IResult Serve(HttpContext context, ArticleAttachment? attachment, IBlobStore blobs) =>
        FileDownloads.Serve(context, blobs, attachment is null ? null : new DownloadableFile(attachment.BlobKey, attachment.ContentType, attachment.FileName));
}
