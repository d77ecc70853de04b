using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Content;
using Support.Kernel.Storage;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Support.Ticketing.Features.CustomerTicket;
using Support.Ticketing.Portal;

namespace Support.Ticketing.Web;

/// <summary>
/// Serves attachments as downloads, never inline: <c>Content-Disposition: attachment</c>, the type
/// found from the content, <c>nosniff</c> and a sandboxing policy, so no uploaded file can run in the
/// site's origin. Customers reach only their own ticket's public entries; staff reach any.
/// </summary>
internal static class AttachmentDownloads
{
    public static void Map(IEndpointRouteBuilder endpoints, string staffPolicy)
    {
        endpoints.MapGet("/tickets/attachments/{id:long}", async (long id, HttpContext context, CustomerAccess access, CustomerGrants grants, TicketingDbContext db, IBlobStore blobs) =>
        {
            var grant = access.Read(context);
            if (grant is null || !await grants.IsValidAsync(grant, context.RequestAborted))
            {
                return Results.NotFound();
            }

            var attachment = await TicketThread.FindAttachmentAsync(db, grant.TicketId, id, includeInternalNotes: false, context.RequestAborted);
            return Serve(context, attachment, blobs);
        });

        endpoints.MapGet("/Staff/Tickets/attachments/{id:long}", async (long id, HttpContext context, TicketingDbContext db, IBlobStore blobs) =>
        {
            var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, context.RequestAborted);
            return Serve(context, attachment, blobs);
        }).RequireAuthorization(staffPolicy);
    }

    private static IResult Serve(HttpContext context, Attachment? attachment, IBlobStore blobs) =>
        FileDownloads.Serve(context, blobs, attachment is null ? null : new DownloadableFile(attachment.BlobKey, attachment.ContentType, attachment.FileName));
}
