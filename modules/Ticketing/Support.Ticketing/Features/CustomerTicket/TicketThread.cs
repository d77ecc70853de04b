using Microsoft.EntityFrameworkCore;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;

namespace Support.Ticketing.Features.CustomerTicket;

/// <summary>A file on a thread entry, as listed under it.</summary>
internal sealed record AttachmentView(long Id, string FileName, long Size);

/// <summary>A thread entry as the portal and the console show it.</summary>
internal sealed record ThreadEntryView(long Id, ThreadEntryKind Kind, string AuthorName, string BodyHtml, DateTime CreatedAtUtc, IReadOnlyList<AttachmentView> Attachments);

/// <summary>Reads a ticket's thread, oldest first; customers never see internal notes.</summary>
internal static class TicketThread
{
    public static async Task<IReadOnlyList<ThreadEntryView>> ReadAsync(TicketingDbContext db, long ticketId, bool includeInternalNotes, CancellationToken cancellationToken)
    {
        var entries = await db.ThreadEntries.AsNoTracking()
            .Where(e => e.TicketId == ticketId && (includeInternalNotes || e.Kind != ThreadEntryKind.InternalNote))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Kind, e.AuthorName, e.BodyHtml, e.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        var ids = entries.Select(e => e.Id).ToList();
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => ids.Contains(a.ThreadEntryId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.ThreadEntryId, View = new AttachmentView(a.Id, a.FileName, a.Size) })
            .ToListAsync(cancellationToken);
        var byEntry = attachments.ToLookup(a => a.ThreadEntryId, a => a.View);
        return [.. entries.Select(e => new ThreadEntryView(e.Id, e.Kind, e.AuthorName, e.BodyHtml, e.CreatedAtUtc, [.. byEntry[e.Id]]))];
    }

    /// <summary>Finds an attachment of the ticket; for customers, only one on an entry they can see.</summary>
    public static async Task<Attachment?> FindAttachmentAsync(TicketingDbContext db, long ticketId, long attachmentId, bool includeInternalNotes, CancellationToken cancellationToken) =>
        await (from attachment in db.Attachments.AsNoTracking()
               join entry in db.ThreadEntries on attachment.ThreadEntryId equals entry.Id
               where attachment.Id == attachmentId && entry.TicketId == ticketId
                     && (includeInternalNotes || entry.Kind != ThreadEntryKind.InternalNote)
               select attachment).SingleOrDefaultAsync(cancellationToken);
}
