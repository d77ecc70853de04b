using System.Globalization;
using MailKit.Security;
using Support.Plugins.Abstractions;

namespace Support.Plugins.EmailIntake;

/// <summary>
/// The mailbox settings on the host's settings page. The poller is set up at start-up from them, so each one
/// takes effect at the next start.
/// </summary>
internal sealed class MailboxSettingsContributor : IPluginSettingsContributor
{
    private static readonly string[] SecurityOptions = [.. Enum.GetNames<SecureSocketOptions>()];

    public IReadOnlyList<PluginSetting> Settings { get; } =
    [
        Setting("Host", "Serveur IMAP", "IMAP server", "Le nom du serveur, par exemple imap.example.com. Sans serveur ni utilisateur, rien n'est relevé.", "The server's name, for example imap.example.com. Without a server and a user nothing is polled."),
        Setting("Port", "Port", "Port", "Vide : 993 avec SslOnConnect, sinon 143.", "Empty: 993 with SslOnConnect, else 143.", PluginSettingKind.Number),
        Setting("Security", "Sécurité", "Security", "SslOnConnect (par défaut), StartTls, StartTlsWhenAvailable, Auto ou None (texte clair : seulement pour un serveur sur la même machine).", "SslOnConnect (the default), StartTls, StartTlsWhenAvailable, Auto or None (plain text: only for a server on the same machine)."),
        Setting("User", "Utilisateur", "User", "L'identifiant de la boîte aux lettres.", "The mailbox's login."),
        Setting("Password", "Mot de passe", "Password", "Jamais affiché ni journalisé ; laissez vide pour garder celui enregistré.", "Never shown or logged; leave empty to keep the one stored.", PluginSettingKind.Secret),
        Setting("Folder", "Dossier", "Folder", "Le dossier relevé ; INBOX par défaut.", "The folder polled; INBOX by default."),
        Setting("PollInterval", "Intervalle de relève", "Poll interval", "hh:mm:ss, de 00:00:05 à 1.00:00:00 ; une minute par défaut.", "hh:mm:ss, from 00:00:05 to 1.00:00:00; one minute by default."),
        Setting("Language", "Langue par défaut", "Default language", "fr ou en : la langue des emails envoyés à un expéditeur dont l'email ne la donne pas.", "fr or en: the language of the emails sent to a sender whose email does not give it."),
    ];

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Validate(IReadOnlyDictionary<string, string?> values)
    {
        var errors = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        string? Value(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        if (Value("Host") is { } host && (host.Length > 253 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or '@')))
        {
            errors["Host"] = Text("Un nom de serveur, sans espace, schéma ni port (par exemple imap.example.com).", "A server name, without spaces, scheme or port (for example imap.example.com).");
        }

        if ((Value("Host") is null) != (Value("User") is null))
        {
            errors[Value("Host") is null ? "Host" : "User"] = Text("Le serveur et l'utilisateur vont ensemble : donnez les deux, ou aucun.", "The server and the user go together: give both, or neither.");
        }

        if (Value("Port") is { } port && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536))
        {
            errors["Port"] = Text("Un port va de 1 à 65535.", "A port is from 1 to 65535.");
        }

        if (Value("Security") is { } security && !SecurityOptions.Contains(security, StringComparer.OrdinalIgnoreCase))
        {
            errors["Security"] = Text($"Choisissez parmi : {string.Join(", ", SecurityOptions)}.", $"Choose one of: {string.Join(", ", SecurityOptions)}.");
        }

        if (Value("PollInterval") is { } interval
            && !(TimeSpan.TryParse(interval, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.FromSeconds(5) && span <= TimeSpan.FromDays(1)))
        {
            errors["PollInterval"] = Text("Un intervalle s'écrit hh:mm:ss, de 00:00:05 à 1.00:00:00.", "An interval reads hh:mm:ss, from 00:00:05 to 1.00:00:00.");
        }

        if (Value("Language") is { } language && language is not ("fr" or "en"))
        {
            errors["Language"] = Text("fr ou en.", "fr or en.");
        }

        return errors;
    }

    private static PluginSetting Setting(string key, string frenchLabel, string englishLabel, string frenchHint, string englishHint, PluginSettingKind kind = PluginSettingKind.Text) =>
        new(key, Text(frenchLabel, englishLabel), Text(frenchHint, englishHint), kind, AppliesAtRestart: true);

    private static Dictionary<string, string> Text(string french, string english) => new() { ["fr"] = french, ["en"] = english };
}
