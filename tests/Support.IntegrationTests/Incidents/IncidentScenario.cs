using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Support.Testing;
using static Support.IntegrationTests.Ticketing.TicketingScenario;

namespace Support.IntegrationTests.Incidents;

/// <summary>What the incident tests do as an agent would, through real HTTP.</summary>
internal static partial class IncidentScenario
{
    public static Dictionary<string, string> DeclareForm(Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Messagerie indisponible",
            ["Input.Description"] = "Les serveurs Exchange ne répondent plus depuis 9 h 10.",
            ["Input.AffectedServices"] = "Messagerie\nWebmail",
            ["Input.Impact"] = "Aucun e-mail n'est envoyé ni reçu.",
            ["Input.Severity"] = "Critical",
            ["Input.TicketNumber"] = "",
        };
        change?.Invoke(form);
        return form;
    }

    /// <summary>Declares an incident and returns its page's path.</summary>
    public static async Task<string> DeclareAsync(StaffSession agent, Action<Dictionary<string, string>>? change = null)
    {
        var response = await agent.SubmitAsync("/Staff/Incidents/Declare", DeclareForm(change));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("The incident was not declared: " + Text(await response.Content.ReadAsStringAsync()));
        }

        return response.Headers.Location!.OriginalString;
    }

    public static Task<HttpResponseMessage> PostAsync(StaffSession agent, string incident, string handler, IDictionary<string, string> fields) =>
        agent.SubmitAsync(incident, fields, $"{incident}?handler={handler}");

    public static async Task<long> CompanyIdAsync(SupportHostFactory host, string name) =>
        await QueryAsync(host, db => db.Companies.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    /// <summary>Chooses the impacted companies (by name) on the incident page.</summary>
    public static async Task<HttpResponseMessage> ChooseCompaniesAsync(SupportHostFactory host, StaffSession agent, string incident, params string[] names)
    {
        var page = await agent.GetStringAsync(incident);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", WebUtility.HtmlDecode(token)) };
        foreach (var name in names)
        {
            form.Add(new("CompanyIds", (await CompanyIdAsync(host, name)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return await agent.Client.PostAsync($"{incident}?handler=Companies", new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> DetermineImpactAsync(StaffSession agent, string incident) =>
        PostAsync(agent, incident, "Impact", new Dictionary<string, string>());

    public static Task<HttpResponseMessage> NotifyAsync(StaffSession agent, string incident, string subject, string body) =>
        agent.SubmitAsync($"{incident}/Notify", new Dictionary<string, string> { ["Subject"] = subject, ["Body"] = body });

    public static string Flat(string html) => Spaces().Replace(Text(html), " ");

    /// <summary>The text of the part of a page marked <c>data-testid="<paramref name="testId"/>"</c> (to the end of the form it marks, or else of the section it is in).</summary>
    public static string Part(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var isForm = html.LastIndexOf("<form", start, StringComparison.Ordinal) > html.LastIndexOf('>', start);
        var end = html.IndexOf(isForm ? "</form>" : "</section>", start, StringComparison.Ordinal);
        return Flat(end < 0 ? html[start..] : html[start..end]);
    }

    /// <summary>The text of the element marked <c>data-testid="<paramref name="testId"/>"</c>, when it holds only text.</summary>
    public static string Element(string html, string testId)
    {
        var start = html.IndexOf('>', html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal)) + 1;
        return WebUtility.HtmlDecode(html[start..html.IndexOf('<', start)]).Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
