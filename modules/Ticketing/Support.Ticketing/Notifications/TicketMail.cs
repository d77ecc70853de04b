using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Email;
using Support.Kernel.Staff;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Domain;
using Microsoft.Extensions.Options;
using Support.Ticketing.Portal;
using Support.Ticketing.Settings;

namespace Support.Ticketing.Notifications;

/// <summary>
/// The emails a ticket sends, in the customer's language for customers and in French for staff,
/// queued in the email outbox with the change that caused them. Subjects carry <c>[#number]</c>.
/// </summary>
internal sealed class TicketMail
{
    /// <summary>Compiled: the recipients are read for every ticket opened and every customer reply.</summary>
    private static readonly Func<TicketingDbContext, SupportTeam, IAsyncEnumerable<string>> TeamMemberIds =
        EF.CompileAsyncQuery((TicketingDbContext db, SupportTeam team) => db.TeamMembers.AsNoTracking().Where(m => m.Team == team).Select(m => m.StaffId));

    public const string CustomerCategory = "ticket-customer";
    public const string AccessLinkCategory = "ticket-access-link";
    public const string StaffCategory = "ticket-staff";

    private readonly IEmailOutbox _outbox;
    private readonly PortalUrls _urls;
    private readonly IStaffDirectory _staff;
    private readonly TicketingDbContext _db;
    private readonly TimeSpan _linkLifetime;

    public TicketMail(IEmailOutbox outbox, PortalUrls urls, IStaffDirectory staff, TicketingDbContext db, IOptions<TicketingOptions> options)
    {
        _outbox = outbox;
        _urls = urls;
        _staff = staff;
        _db = db;
        _linkLifetime = options.Value.AccessLinkLifetime;
    }

    /// <summary>Issues a new access link to the ticket (saved with the email that carries it) and returns its token.</summary>
    public string IssueAccessLink(Ticket ticket, DateTime now)
    {
        var (link, token) = Domain.AccessLink.Issue(ticket, now, _linkLifetime);
        _db.AccessLinks.Add(link);
        return token;
    }

    public void TicketOpened(Ticket ticket, string accessToken)
    {
        var fr = ticket.Language != "en";
        var subject = fr
            ? $"Vous venez d'ouvrir un ticket [#{ticket.DisplayNumber}]"
            : $"You have just opened a ticket [#{ticket.DisplayNumber}]";
        var text = fr
            ? $"Bonjour {ticket.CustomerName},\n\nNous avons bien reçu votre demande « {ticket.Subject} ». Son numéro est {ticket.DisplayNumber} : conservez-le pour suivre votre ticket.\n\nPour consulter votre ticket et y répondre :\n{_urls.AccessLink(accessToken)}\n\nCe lien est personnel : ne le transférez pas."
            : $"Hello {ticket.CustomerName},\n\nWe have received your request \"{ticket.Subject}\". Its number is {ticket.DisplayNumber}: keep it to follow your ticket.\n\nTo view your ticket and reply:\n{_urls.AccessLink(accessToken)}\n\nThis link is personal: do not forward it.";
        QueueToCustomer(ticket, subject, text, CustomerCategory);
    }

    public void AccessLink(Ticket ticket, string accessToken)
    {
        var fr = ticket.Language != "en";
        var days = Math.Max(1, (int)Math.Round(_linkLifetime.TotalDays));
        var subject = fr
            ? $"Lien d'accès à votre ticket [#{ticket.DisplayNumber}]"
            : $"Access link to your ticket [#{ticket.DisplayNumber}]";
        var text = fr
            ? $"Bonjour {ticket.CustomerName},\n\nVoici le lien pour consulter votre ticket « {ticket.Subject} » :\n{_urls.AccessLink(accessToken)}\n\nIl est valable {days} jour(s). Si vous n'avez pas demandé ce lien, ignorez ce message."
            : $"Hello {ticket.CustomerName},\n\nHere is the link to view your ticket \"{ticket.Subject}\":\n{_urls.AccessLink(accessToken)}\n\nIt is valid for {days} day(s). If you did not ask for this link, ignore this message.";
        QueueToCustomer(ticket, subject, text, AccessLinkCategory);
    }

    public void StaffReplied(Ticket ticket, ThreadEntry reply, string accessToken)
    {
        var fr = ticket.Language != "en";
        var subject = fr
            ? $"Nouvelle réponse à votre ticket [#{ticket.DisplayNumber}]"
            : $"New reply to your ticket [#{ticket.DisplayNumber}]";
        var text = fr
            ? $"Bonjour {ticket.CustomerName},\n\n{reply.AuthorName} a répondu à votre ticket « {ticket.Subject} » :\n\n{reply.BodyText}\n\nPour répondre ou voir les pièces jointes :\n{_urls.AccessLink(accessToken)}"
            : $"Hello {ticket.CustomerName},\n\n{reply.AuthorName} replied to your ticket \"{ticket.Subject}\":\n\n{reply.BodyText}\n\nTo reply or see the attachments:\n{_urls.AccessLink(accessToken)}";
        QueueToCustomer(ticket, subject, text, CustomerCategory, reply.BodyHtml);
    }

    public void StaffRepliedAndClosed(Ticket ticket, ThreadEntry reply, string accessToken)
    {
        var fr = ticket.Language != "en";
        var subject = fr
            ? $"Votre ticket est résolu [#{ticket.DisplayNumber}]"
            : $"Your ticket is solved [#{ticket.DisplayNumber}]";
        var text = fr
            ? $"Bonjour {ticket.CustomerName},\n\n{reply.AuthorName} a répondu à votre ticket « {ticket.Subject} » et l'a fermé : le problème est résolu.\n\n{reply.BodyText}\n\nSi ce n'est pas le cas, répondez depuis votre ticket, il sera rouvert :\n{_urls.AccessLink(accessToken)}"
            : $"Hello {ticket.CustomerName},\n\n{reply.AuthorName} replied to your ticket \"{ticket.Subject}\" and closed it: the problem is solved.\n\n{reply.BodyText}\n\nIf it is not, reply from your ticket and it will be reopened:\n{_urls.AccessLink(accessToken)}";
        QueueToCustomer(ticket, subject, text, CustomerCategory, reply.BodyHtml);
    }

    public void TicketClosed(Ticket ticket, string accessToken)
    {
        var fr = ticket.Language != "en";
        var subject = fr
            ? $"Votre ticket est résolu [#{ticket.DisplayNumber}]"
            : $"Your ticket is solved [#{ticket.DisplayNumber}]";
        var text = fr
            ? $"Bonjour {ticket.CustomerName},\n\nVotre ticket « {ticket.Subject} » est fermé : le problème est résolu.\nSi ce n'est pas le cas, répondez depuis votre ticket, il sera rouvert :\n{_urls.AccessLink(accessToken)}"
            : $"Hello {ticket.CustomerName},\n\nYour ticket \"{ticket.Subject}\" is closed: the problem is solved.\nIf it is not, reply from your ticket and it will be reopened:\n{_urls.AccessLink(accessToken)}";
        QueueToCustomer(ticket, subject, text, CustomerCategory);
    }

    /// <summary>Tells the agents about a new ticket; <paramref name="recipients"/> come from <see cref="StaffRecipientsAsync"/>, read before the write transaction.</summary>
    public void NewTicketToStaff(Ticket ticket, ThreadEntry message, IReadOnlyList<StaffMember> recipients) =>
        ToStaff(
            recipients,
            ticket,
            message,
            (ticket.CriticalSituation ? "SITUATION CRITIQUE — " : "") + $"Nouveau ticket [#{ticket.DisplayNumber}] {ticket.Subject}",
            $"Nouveau ticket de {ticket.CustomerName} ({ticket.CompanyName}, {ticket.CustomerEmail})" + (ticket.CriticalSituation ? " — SITUATION CRITIQUE" : ""));

    public async Task CustomerRepliedToStaffAsync(Ticket ticket, ThreadEntry message, CancellationToken cancellationToken) =>
        ToStaff(
            await StaffRecipientsAsync(ticket.Team, ticket.AssignedAgentId, cancellationToken),
            ticket,
            message,
            $"Réponse du client [#{ticket.DisplayNumber}] {ticket.Subject}",
            $"{ticket.CustomerName} ({ticket.CompanyName}) a répondu");

    /// <summary>
    /// The agents told about a new ticket: its team's members (see <see cref="StaffRecipientsAsync"/>)
    /// and, when the customer reports a critical situation, every agent on call at <paramref name="now"/>.
    /// </summary>
    public async Task<IReadOnlyList<StaffMember>> NewTicketRecipientsAsync(SupportTeam team, bool criticalSituation, DateTime now, CancellationToken cancellationToken)
    {
        var recipients = await StaffRecipientsAsync(team, assignedAgentId: null, cancellationToken);
        if (!criticalSituation)
        {
            return recipients;
        }

        var onCall = await _db.OnCallShifts.AsNoTracking()
            .Where(s => s.EndsAtUtc > now && s.StartsAtUtc <= now)
            .Select(s => s.StaffId)
            .ToListAsync(cancellationToken);
        var everyone = await _staff.ListAsync(cancellationToken);
        return [.. recipients, .. everyone.Where(s => onCall.Contains(s.Id) && recipients.All(r => r.Id != s.Id))];
    }

    /// <summary>The agents told about a ticket: its team's members (all staff when the team has none), and its agent.</summary>
    public async Task<IReadOnlyList<StaffMember>> StaffRecipientsAsync(SupportTeam team, string? assignedAgentId, CancellationToken cancellationToken)
    {
        var memberIds = await TeamMemberIds(_db, team).ToListAsync(cancellationToken);
        var everyone = await _staff.ListAsync(cancellationToken);
        var recipients = memberIds.Count == 0 ? everyone : everyone.Where(s => memberIds.Contains(s.Id)).ToList();
        if (assignedAgentId is { } assigned && recipients.All(r => r.Id != assigned) && everyone.FirstOrDefault(s => s.Id == assigned) is { } agent)
        {
            recipients = [.. recipients, agent];
        }

        return recipients;
    }

    private void ToStaff(IReadOnlyList<StaffMember> recipients, Ticket ticket, ThreadEntry message, string subject, string headline)
    {
        var text = $"{headline}\n\n{message.BodyText}\n\n{_urls.StaffTicket(ticket.DisplayNumber)}";
        foreach (var recipient in recipients.Where(r => r.Email.Length > 0))
        {
            _outbox.Queue(new OutgoingEmail(recipient.Email, recipient.DisplayName, subject, text, Html(text, message.BodyHtml), StaffCategory));
        }
    }

    private void QueueToCustomer(Ticket ticket, string subject, string text, string category, string? messageHtml = null) =>
        _outbox.Queue(new OutgoingEmail(ticket.CustomerEmail, ticket.CustomerName, subject, text, Html(text, messageHtml), category));

    /// <summary>The HTML alternative: the text, encoded, with the (already sanitised) message inserted when there is one.</summary>
    private static string Html(string text, string? messageHtml)
    {
        var builder = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        foreach (var paragraph in text.Split("\n\n"))
        {
            builder.Append("<p>").Append(LinkLines(paragraph)).Append("</p>");
        }

        if (messageHtml is not null)
        {
            builder.Append("<hr>").Append(messageHtml);
        }

        return builder.Append("</body></html>").ToString();
    }

    private static string LinkLines(string paragraph) =>
        string.Join("<br>", paragraph.Split('\n').Select(line =>
            line.StartsWith("http://", StringComparison.Ordinal) || line.StartsWith("https://", StringComparison.Ordinal)
                ? $"<a href=\"{WebUtility.HtmlEncode(line)}\">{WebUtility.HtmlEncode(line)}</a>"
                : WebUtility.HtmlEncode(line)));
}
