using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Support.Testing;

/// <summary>A browser-like HTTP session: keeps cookies, reads antiforgery tokens from forms, posts them back.</summary>
public sealed partial class StaffSession : IDisposable
{
    private StaffSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static StaffSession Anonymous(SupportHostFactory factory, string language = "fr")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new StaffSession(client);
    }

    public static async Task<StaffSession> SignInAsync(SupportHostFactory factory, string email = SupportHostFactory.AdminEmail, string password = SupportHostFactory.AdminPassword, string language = "fr")
    {
        var session = Anonymous(factory, language);
        var response = await session.SubmitAsync("/Staff/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return session;
    }

    public Task<string> GetStringAsync(string path) => Client.GetStringAsync(path);

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path);

    /// <summary>Loads the page at <paramref name="formPage"/>, then posts <paramref name="fields"/> with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var page = await Client.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{formPage} has no antiforgery token.");
        }

        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Client.PostAsync(action ?? formPage, new FormUrlEncodedContent(form));
    }

    /// <summary>Like <see cref="SubmitAsync"/>, as <c>multipart/form-data</c> with files (name, content type, bytes) under <paramref name="fileField"/>.</summary>
    public async Task<HttpResponseMessage> SubmitMultipartAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Name, string ContentType, byte[] Content)>? files = null, string? action = null, string fileField = "Attachments")
    {
        var page = await Client.GetStringAsync(formPage);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{formPage} has no antiforgery token.");
        }

        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, contentType, content) in files ?? [])
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            form.Add(file, fileField, name);
        }

        return await Client.PostAsync(action ?? formPage, form);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
