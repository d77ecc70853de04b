using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Support.KnowledgeBase.Data;
using Support.Testing;

namespace Support.IntegrationTests.KnowledgeBase;

/// <summary>What the knowledge-base tests do as an agent or a customer would, through real HTTP.</summary>
internal static partial class KnowledgeBaseScenario
{
    public const string EditPage = "/Staff/KnowledgeBase/Articles/Edit";

    /// <summary>The form of an article, published and public in French under the printer category unless changed.</summary>
    public static Dictionary<string, string> ArticleForm(long categoryId, string title, string body, Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.CategoryId"] = categoryId.ToString(CultureInfo.InvariantCulture),
            ["Input.Language"] = "fr",
            ["Input.Title"] = title,
            ["Input.Summary"] = "",
            ["Input.Body"] = body,
            ["Input.Tags"] = "",
            ["Input.Visibility"] = "Public",
            ["Input.Status"] = "Published",
        };
        change?.Invoke(form);
        return form;
    }

    /// <summary>Saves an article through the editor (a new one, or the next revision of <paramref name="id"/>) and returns its id.</summary>
    public static async Task<long> SaveArticleAsync(StaffSession agent, Dictionary<string, string> form, long? id = null, params (string, string, byte[])[] files)
    {
        var page = id is null ? EditPage : $"{EditPage}?id={id}";
        var fields = new Dictionary<string, string>(form);
        if (id is { } existing)
        {
            fields["id"] = existing.ToString(CultureInfo.InvariantCulture);
        }

        var response = await agent.SubmitMultipartAsync(page, fields, files, action: page, fileField: "Files");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("The article was not saved: " + Text(await response.Content.ReadAsStringAsync()));
        }

        return long.Parse(SavedId().Match(response.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static async Task<long> PublishAsync(StaffSession agent, long categoryId, string title, string body, Action<Dictionary<string, string>>? change = null) =>
        await SaveArticleAsync(agent, ArticleForm(categoryId, title, body, change));

    public static async Task<long> CategoryAsync(SupportHostFactory host, string helpTopicKey)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeBaseDbContext>();
        return await db.Categories.Where(c => c.HelpTopicKey == helpTopicKey).Select(c => c.Id).SingleAsync();
    }

    public static async Task<T> QueryAsync<T>(SupportHostFactory host, Func<KnowledgeBaseDbContext, Task<T>> query)
    {
        using var scope = host.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<KnowledgeBaseDbContext>());
    }

    /// <summary>The titles of the portal's search results, in order.</summary>
    public static async Task<List<string>> SearchTitlesAsync(StaffSession visitor, string query)
    {
        var page = await visitor.GetStringAsync("/kb/search?q=" + Uri.EscapeDataString(query));
        return [.. ResultTitle().Matches(page).Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")))];
    }

    public static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    /// <summary>The page's text with runs of white space made one space.</summary>
    public static string Flat(string html) => Spaces().Replace(Text(html), " ");

    [GeneratedRegex(@"[?&]id=(\d+)")]
    private static partial Regex SavedId();

    [GeneratedRegex("data-testid=\"kb-result-title\">(.*?)</a>")]
    private static partial Regex ResultTitle();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
