using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Support.Ticketing.Settings;

namespace Support.Ticketing.Portal;

/// <summary>Absolute addresses for links in emails: the configured public URL, else the current request's.</summary>
internal sealed class PortalUrls
{
    private readonly IHttpContextAccessor _http;
    private readonly TicketingOptions _options;

    public PortalUrls(IHttpContextAccessor http, IOptions<TicketingOptions> options)
    {
        _http = http;
        _options = options.Value;
    }

    public string Absolute(string path)
    {
        var baseUrl = _options.PublicUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) && _http.HttpContext?.Request is { } request)
        {
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return (baseUrl ?? "http://localhost").TrimEnd('/') + path;
    }

    public string AccessLink(string token) => Absolute("/tickets/access/" + token);

    public string StaffTicket(string number) => Absolute("/Staff/Tickets/" + number);
}
