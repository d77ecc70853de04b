using System.Globalization;
using System.Text;
using System.Xml;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Support.Incidents.Features.StatusPage;

/// <summary>The status page as an Atom feed (<c>/status/feed.atom</c>): one entry per published update, latest first.</summary>
internal static class AtomFeed
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/status/feed.atom", async (IMediator mediator, StatusLinks links, CancellationToken cancellationToken) =>
        {
            var incidents = await mediator.Send(new StatusPageQuery(), cancellationToken);
            return Results.Text(Write(incidents, links), "application/atom+xml; charset=utf-8", Encoding.UTF8);
        });

    internal static string Write(IReadOnlyList<PublicIncident> incidents, StatusLinks links)
    {
        var entries = incidents.SelectMany(i => i.Updates.Select(u => (Incident: i, Update: u))).OrderByDescending(e => e.Update.PublishedAtUtc).Take(100).ToList();
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "fr");
            xml.WriteElementString("title", Atom, "État des services");
            xml.WriteElementString("id", Atom, links.Absolute("/status"));
            xml.WriteElementString("updated", Atom, Iso(entries.Count > 0 ? entries[0].Update.PublishedAtUtc : DateTime.UnixEpoch));
            Link(xml, Atom, links.Absolute("/status/feed.atom"), "self");
            Link(xml, Atom, links.Absolute("/status"), "alternate");
            foreach (var (incident, update) in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"{links.Absolute("/status")}#update-{update.Id.ToString(CultureInfo.InvariantCulture)}");
                xml.WriteElementString("title", Atom, $"{incident.Reference} · {incident.Title} · {StatusTexts.State(update.State)}");
                xml.WriteElementString("updated", Atom, Iso(update.PublishedAtUtc));
                Link(xml, Atom, $"{links.Absolute("/status")}#incident-{incident.Id.ToString(CultureInfo.InvariantCulture)}", "alternate");
                xml.WriteStartElement("author", Atom);
                xml.WriteElementString("name", Atom, "Support");
                xml.WriteEndElement();
                foreach (var service in incident.Services)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", service);
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(update.Message);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return builder.ToString();
    }

    private static void Link(XmlWriter xml, string ns, string href, string rel)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
