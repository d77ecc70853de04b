using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Escalation;

/// <summary>What the escalation tests do as a customer, an agent or an escalation contact would, through real HTTP.</summary>
internal static partial class EscalationScenario
{
    public const string SupportDeskEurope = "support.europe@example.com";
    public const string ManagerEurope = "service.manager.europe@example.com";
    public const string DirectorEurope = "director.europe@example.com";

    /// <summary>Opens a ticket on the portal and returns its number with a customer session on its view.</summary>
    public static async Task<(string Number, StaffSession Customer)> OpenTicketWithCustomerAsync(SupportHostFactory host)
    {
        var number = await OpenTicketAsync(host);
        var customer = await OpenLatestAccessLinkAsync(host, "Vous venez d'ouvrir un ticket");
        return (number, customer);
    }

    public static Task<HttpResponseMessage> RequestEscalationAsync(StaffSession customer, string reason) =>
        customer.SubmitAsync("/tickets/view", new Dictionary<string, string> { ["Reason"] = reason }, "/tickets/escalation?handler=Escalate");

    public static Task<HttpResponseMessage> RequestReclassificationAsync(StaffSession customer, string severity, string justification) =>
        customer.SubmitAsync("/tickets/view", new Dictionary<string, string> { ["WantedSeverity"] = severity, ["Justification"] = justification }, "/tickets/escalation?handler=Reclassify");

    public static Task<HttpResponseMessage> AgentActionAsync(StaffSession agent, string number, string handler, Dictionary<string, string>? fields = null) =>
        agent.SubmitAsync($"/Staff/Tickets/{number}", fields ?? [], $"/Staff/Escalation/Tickets/{number}?handler={handler}");

    /// <summary>The customer's view as text, after the redirect that follows a request.</summary>
    public static async Task<string> CustomerViewAsync(StaffSession customer) => Flat(await customer.GetStringAsync("/tickets/view"));

    /// <summary>The escalation panel of the agent's ticket page, as text.</summary>
    public static async Task<string> StaffPanelAsync(StaffSession agent, string number) =>
        Flat(Regex.Match(await agent.GetStringAsync($"/Staff/Tickets/{number}"), "data-testid=\"escalation\".*?</section>", RegexOptions.Singleline).Value);

    public static async Task<string> AuditTrailAsync(StaffSession agent, string number) =>
        Flat(Regex.Match(await agent.GetStringAsync($"/Staff/Tickets/{number}"), "data-testid=\"audit\".*", RegexOptions.Singleline).Value);

    /// <summary>The acknowledgement link's path in a contact's email.</summary>
    public static string AcknowledgementPath(MimeMessage message)
    {
        var match = AcknowledgementLink().Match(message.TextBody ?? "");
        return match.Success ? match.Value : throw new InvalidOperationException("The message carries no acknowledgement link: " + message.TextBody);
    }

    public static async Task<HttpResponseMessage> ConfirmAcknowledgementAsync(SupportHostFactory host, string path)
    {
        using var contact = StaffSession.Anonymous(host);
        var page = await contact.GetAsync(path);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return page;
        }

        return await contact.SubmitAsync(path, new Dictionary<string, string>());
    }

    public static string Flat(string html) => Spaces().Replace(Text(html), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"/escalation/acknowledge/[A-Za-z0-9_\-]+")]
    private static partial Regex AcknowledgementLink();
}
