using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.Testing;
using Support.Ticketing.Data;

namespace Support.IntegrationTests.Ticketing;

/// <summary>What the ticketing tests do as a customer or an agent would, through real HTTP.</summary>
internal static partial class TicketingScenario
{
    public const string CustomerEmail = "marie.durand@acme.test";

    public static Dictionary<string, string> NewTicketForm(Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.HelpTopicId"] = "2",
            ["Input.Company"] = "Acme Industries",
            ["Input.Department"] = "Comptabilité",
            ["Input.Email"] = CustomerEmail,
            ["Input.Name"] = "Marie Durand",
            ["Input.Phone"] = "+33 1 23 45 67 89",
            ["Input.Subject"] = "L'imprimante du 2e étage n'imprime plus",
            ["Input.Priority"] = "Normal",
            ["Input.Detail"] = "<p>Depuis ce matin, l'imprimante <strong>HP LaserJet</strong> affiche « hors connexion ».</p>",
        };
        change?.Invoke(form);
        return form;
    }

    public static (string, string, byte[]) Pdf(string name = "rapport.pdf", int size = 2048)
    {
        var content = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(content);
        return (name, "application/pdf", content);
    }

    /// <summary>Opens a ticket through the portal form and returns the response (a redirect when it worked).</summary>
    public static Task<HttpResponseMessage> SubmitNewTicketAsync(StaffSession customer, Dictionary<string, string> form, params (string, string, byte[])[] files) =>
        customer.SubmitMultipartAsync("/tickets/new", form, files);

    /// <summary>Opens a ticket and returns its number, read from the confirmation page.</summary>
    public static async Task<string> OpenTicketAsync(SupportHostFactory host, Action<Dictionary<string, string>>? change = null, params (string, string, byte[])[] files)
    {
        using var customer = StaffSession.Anonymous(host);
        var response = await SubmitNewTicketAsync(customer, NewTicketForm(change), files);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("The ticket was not created: " + await response.Content.ReadAsStringAsync());
        }

        var confirmation = await customer.GetStringAsync(response.Headers.Location!.OriginalString);
        return NumberOnPage().Match(confirmation).Groups[1].Value;
    }

    /// <summary>Follows the access link of the latest email to the customer and returns a session on the ticket view.</summary>
    public static async Task<StaffSession> OpenLatestAccessLinkAsync(SupportHostFactory host, string subject, string email = CustomerEmail, int count = 1)
    {
        var mails = await new PickupMailbox(host).WaitForAsync(email, subject, count);
        var customer = StaffSession.Anonymous(host);
        var response = await customer.GetAsync(PickupMailbox.AccessLinkPath(mails[^1]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tickets/view", response.Headers.Location!.OriginalString);
        return customer;
    }

    public static async Task<T> QueryAsync<T>(SupportHostFactory host, Func<TicketingDbContext, Task<T>> query)
    {
        using var scope = host.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TicketingDbContext>());
    }

    public static Task<int> TicketCountAsync(SupportHostFactory host) => QueryAsync(host, db => db.Tickets.CountAsync());

    public static int BlobCount(SupportHostFactory host)
    {
        var folder = Path.Combine(host.DataFolder, "blobs");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;
    }

    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("data-testid=\"ticket-number\">(\\d+)<")]
    private static partial Regex NumberOnPage();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
