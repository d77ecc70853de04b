using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Support.Testing;
using Support.Workflows.Data;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Escalation;

/// <summary>What the escalation tests do as a customer, an agent or an escalation contact would, through real HTTP.</summary>
internal static partial class EscalationScenario
{
    public const string SupportDeskEurope = "support.europe@example.com";
    public const string ManagerEurope = "service.manager.europe@example.com";
    public const string DirectorEurope = "director.europe@example.com";
    public const string SupportDeskNorthAmerica = "support.na@example.com";
    public const string ManagerNorthAmerica = "service.manager.na@example.com";

    /// <summary>Opens a ticket on the portal (for <paramref name="company"/>, else the form's) and returns its number with a customer session on its view.</summary>
    public static async Task<(string Number, StaffSession Customer)> OpenTicketWithCustomerAsync(SupportHostFactory host, string? company = null)
    {
        var number = await OpenTicketAsync(host, company is null ? null : f => f["Input.Company"] = company);
        var customer = await OpenLatestAccessLinkAsync(host, "Vous venez d'ouvrir un ticket");
        return (number, customer);
    }

    /// <summary>An admin creates a company on the companies page, served from <paramref name="region"/> (empty: the default).</summary>
    public static async Task SaveCompanyAsync(StaffSession admin, string name, string region)
    {
        var saved = await admin.SubmitAsync("/Staff/Companies", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.EmailDomain"] = "", ["Input.HasMaintenanceContract"] = "true", ["Input.ContractEndsOn"] = "", ["Input.Region"] = region,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
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

    /// <summary>Waits until the ticket's escalation instance waits for <paramref name="stimulus"/> (so a clock move is seen by its timer).</summary>
    public static Task WaitForBookmarkAsync(SupportHostFactory host, string stimulus, int count = 1) =>
        Eventually.WaitForAsync(
            async () =>
            {
                using var scope = host.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
                var instances = await db.Instances.AsNoTracking().Where(i => i.DefinitionId == "escalation").Select(i => i.Id).ToListAsync();
                return await db.Bookmarks.AsNoTracking().CountAsync(b => instances.Contains(b.InstanceId) && b.Stimulus == stimulus);
            },
            n => n >= count,
            $"the escalation instance waiting for {stimulus}");

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
