using System.Net;
using System.Text;
using Support.Escalation.Domain;
using Support.Escalation.Web;
using Support.Kernel.Email;
using Support.Ticketing.Contracts;

namespace Support.Escalation.Notifications;

/// <summary>
/// The emails of escalations and reclassification requests, queued in the email outbox with the change that caused
/// them: customers in their language, staff and contacts in French. Subjects carry <c>[#number]</c>.
/// </summary>
internal sealed class EscalationMail(IEmailOutbox outbox)
{
    public const string CustomerCategory = "escalation-customer";
    public const string StaffCategory = "escalation-staff";
    public const string ContactCategory = "escalation-contact";

    public void EscalationRequestReceived(TicketSummary ticket, string reason)
    {
        var fr = ticket.Language != "en";
        ToCustomer(
            ticket,
            fr ? $"Votre demande d'escalade a bien été reçue [#{ticket.Number}]" : $"Your escalation request has been received [#{ticket.Number}]",
            fr
                ? $"Bonjour {ticket.CustomerName},\n\nNous avons bien reçu votre demande d'escalade du ticket « {ticket.Subject} ».\n\nVotre motif :\n{reason}\n\nNos responsables sont prévenus dans l'ordre de la chaîne d'escalade (centre de support, puis responsable du service client, puis directeur) ; vous serez informé de sa prise en charge."
                : $"Hello {ticket.CustomerName},\n\nWe have received your request to escalate the ticket \"{ticket.Subject}\".\n\nYour reason:\n{reason}\n\nOur managers are being called in the order of the escalation chain (support desk, then the customer-service manager, then the director); you will be told when it is taken in hand.");
    }

    public void EscalationRequestToStaff(TicketSummary ticket, string reason) =>
        ToStaff(ticket, $"Escalade demandée par le client [#{ticket.Number}] {ticket.Subject}", $"{ticket.CustomerName} ({ticket.CompanyName}) demande l'escalade du ticket.\n\nMotif :\n{reason}");

    public void EscalationAcknowledged(TicketSummary ticket)
    {
        var fr = ticket.Language != "en";
        ToCustomer(
            ticket,
            fr ? $"Votre escalade est prise en charge [#{ticket.Number}]" : $"Your escalation has been taken in hand [#{ticket.Number}]",
            fr
                ? $"Bonjour {ticket.CustomerName},\n\nL'escalade de votre ticket « {ticket.Subject} » a été prise en charge par nos responsables."
                : $"Hello {ticket.CustomerName},\n\nThe escalation of your ticket \"{ticket.Subject}\" has been taken in hand by our managers.");
    }

    public void ReclassificationRequestReceived(TicketSummary ticket, TicketSeverity wanted, string justification)
    {
        var fr = ticket.Language != "en";
        ToCustomer(
            ticket,
            fr ? $"Votre demande de reclassification a bien été reçue [#{ticket.Number}]" : $"Your reclassification request has been received [#{ticket.Number}]",
            fr
                ? $"Bonjour {ticket.CustomerName},\n\nNous avons bien reçu votre demande de passer le ticket « {ticket.Subject} » en gravité {Labels.SeverityFr(wanted)}.\n\nVotre justification :\n{justification}\n\nUn agent l'examine et vous enverra sa réponse."
                : $"Hello {ticket.CustomerName},\n\nWe have received your request to classify the ticket \"{ticket.Subject}\" as severity {wanted}.\n\nYour justification:\n{justification}\n\nAn agent is reviewing it and will send you the answer.");
    }

    public void ReclassificationRequestToStaff(TicketSummary ticket, TicketSeverity wanted, string justification) =>
        ToStaff(
            ticket,
            $"Demande de reclassification [#{ticket.Number}] {ticket.Subject}",
            $"{ticket.CustomerName} ({ticket.CompanyName}) demande la gravité {Labels.SeverityFr(wanted)} (actuellement {Labels.SeverityFr(ticket.Severity)}).\n\nJustification :\n{justification}");

    public void ReclassificationAccepted(TicketSummary ticket, TicketSeverity severity)
    {
        var fr = ticket.Language != "en";
        ToCustomer(
            ticket,
            fr ? $"Votre demande de reclassification est acceptée [#{ticket.Number}]" : $"Your reclassification request is accepted [#{ticket.Number}]",
            fr
                ? $"Bonjour {ticket.CustomerName},\n\nVotre ticket « {ticket.Subject} » est désormais de gravité {Labels.SeverityFr(severity)}. Les délais de réponse de cette gravité s'appliquent."
                : $"Hello {ticket.CustomerName},\n\nYour ticket \"{ticket.Subject}\" now has severity {severity}. The response times of that severity apply.");
    }

    public void ReclassificationDeclined(TicketSummary ticket, TicketSeverity wanted, string reason)
    {
        var fr = ticket.Language != "en";
        ToCustomer(
            ticket,
            fr ? $"Votre demande de reclassification n'est pas acceptée [#{ticket.Number}]" : $"Your reclassification request is declined [#{ticket.Number}]",
            fr
                ? $"Bonjour {ticket.CustomerName},\n\nVotre demande de passer le ticket « {ticket.Subject} » en gravité {Labels.SeverityFr(wanted)} n'est pas acceptée ; il reste en gravité {Labels.SeverityFr(ticket.Severity)}.\n\nMotif :\n{reason}"
                : $"Hello {ticket.CustomerName},\n\nYour request to classify the ticket \"{ticket.Subject}\" as severity {wanted} is declined; it stays at severity {ticket.Severity}.\n\nReason:\n{reason}");
    }

    public void ContactCalled(TicketSummary ticket, TicketEscalation escalation, EscalationContact contact, string acknowledgeUrl, DateTime expiresAtUtc) =>
        Queue(
            contact.Email,
            contact.Name,
            $"Escalade niveau {contact.Level} [#{ticket.Number}] {ticket.Subject}",
            $"Bonjour {contact.Name},\n\nLe ticket {ticket.Number} de {ticket.CustomerName} ({ticket.CompanyName}) est escaladé au niveau {contact.Level} ({Labels.RoleFr(contact.Role)}).\n\nMotif : {escalation.Reason}\n\nAccusez réception pour arrêter l'escalade ; sans accusé de réception, le niveau suivant de la chaîne sera appelé :\n{acknowledgeUrl}\n\nCe lien ne sert qu'une fois ; il expire le {expiresAtUtc:yyyy-MM-dd HH:mm} UTC.\n\nLe ticket dans la console :\n{ticket.StaffUrl}",
            ContactCategory);

    public void HandedOff(TicketSummary ticket, ExpertTeam team, string teamEmail, int level, string note, string agent) =>
        Queue(
            teamEmail,
            Labels.TeamFr(team),
            $"Ticket transmis à l'équipe {Labels.TeamFr(team)} [#{ticket.Number}] {ticket.Subject}",
            $"{agent} transmet le ticket {ticket.Number} de {ticket.CustomerName} ({ticket.CompanyName}) à l'équipe {Labels.TeamFr(team)} (niveau d'escalade {level}).\n\nNote de transmission :\n{note}\n\n{ticket.StaffUrl}",
            StaffCategory);

    private void ToStaff(TicketSummary ticket, string subject, string headline)
    {
        foreach (var address in ticket.StaffRecipients)
        {
            Queue(address, null, subject, $"{headline}\n\n{ticket.StaffUrl}", StaffCategory);
        }
    }

    private void ToCustomer(TicketSummary ticket, string subject, string text) =>
        Queue(ticket.CustomerEmail, ticket.CustomerName, subject, text, CustomerCategory);

    private void Queue(string to, string? name, string subject, string text, string category) =>
        outbox.Queue(new OutgoingEmail(to, name, subject, text, Html(text), category));

    private static string Html(string text)
    {
        var builder = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        foreach (var paragraph in text.Split("\n\n"))
        {
            builder.Append("<p>").Append(string.Join("<br>", paragraph.Split('\n').Select(line =>
                line.StartsWith("http://", StringComparison.Ordinal) || line.StartsWith("https://", StringComparison.Ordinal)
                    ? $"<a href=\"{WebUtility.HtmlEncode(line)}\">{WebUtility.HtmlEncode(line)}</a>"
                    : WebUtility.HtmlEncode(line)))).Append("</p>");
        }

        return builder.Append("</body></html>").ToString();
    }
}
