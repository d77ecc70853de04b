using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Support.Benchmarks.Seed;

// Fills the Ticketing tables of a host's SQLite file with a realistic volume of tickets, for the
// load benchmarks in docs/benchmarks.md. The file must come from a first start of the host (so the
// migrations have created every table, the search index and its triggers) and hold no ticket yet.
// Rows are written with plain INSERTs, so the search triggers index them exactly as they index the
// tickets the application writes. The same arguments always produce the same data.
//
// The open tickets are given first-response SLA clocks of their severity's policy, due between one day
// ago and two days ahead of the seeding (so the "Breached" and "At risk" queues hold thousands of tickets).
//
// Usage: Support.Benchmarks.Seed <path to support.db> [tickets, default 1000000]
//        Support.Benchmarks.Seed <path to support.db> --sla   (only (re)writes the open tickets' SLA clocks)
if (args.Length is < 1 or > 2 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("Usage: Support.Benchmarks.Seed <path to support.db> [tickets | --sla]");
    return 2;
}

if (args.Length == 2 && args[1] == "--sla")
{
    using var existing = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = args[0] }.ToString());
    existing.Open();
    Console.WriteLine($"SLA clocks written on {SlaClocks.Write(existing, DateTime.UtcNow):N0} open tickets.");
    return 0;
}

var tickets = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var stopwatch = Stopwatch.StartNew();
using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = args[0], ForeignKeys = true }.ToString());
connection.Open();
if (Sql.Scalar(connection, "SELECT COUNT(*) FROM ticketing_ticket") != 0)
{
    Console.Error.WriteLine("The database already holds tickets; seed a fresh data folder.");
    return 1;
}

// A bulk load that can simply be started again if it fails: no fsync, a large page cache.
Sql.Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY;");
var generator = new TicketGenerator(tickets, DateTime.UtcNow);
generator.Write(connection, progress: done =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done,9:N0} tickets  {stopwatch.Elapsed.TotalSeconds,6:F0} s")));
Console.WriteLine($"SLA clocks written on {SlaClocks.Write(connection, DateTime.UtcNow):N0} open tickets.");
Sql.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Seeded {tickets:N0} tickets ({generator.Open:N0} open, {generator.Awaiting:N0} awaiting the customer), {generator.Entries:N0} thread entries, {TicketGenerator.Companies:N0} companies, {generator.Contacts:N0} contacts in {stopwatch.Elapsed.TotalSeconds:F0} s."));
return 0;

namespace Support.Benchmarks.Seed
{
    /// <summary>
    /// First-response clocks on the open tickets, as the host computes them for the default policies around the
    /// clock (Critical 1 h, Serious 2 h, Normal 4 h, warning at 75 %), with due times spread evenly from one day
    /// before <c>now</c> to two days after it by the ticket's id.
    /// </summary>
    internal static class SlaClocks
    {
        public static int Write(SqliteConnection connection, DateTime now)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                WITH clock AS (
                    SELECT Id,
                           CASE Severity WHEN 2 THEN 1 WHEN 1 THEN 2 ELSE 3 END AS PolicyId,
                           CASE Severity WHEN 2 THEN 'Critique' WHEN 1 THEN 'Sérieuse' ELSE 'Normale' END AS PolicyName,
                           CASE Severity WHEN 2 THEN 60 WHEN 1 THEN 120 ELSE 240 END AS Target,
                           (Id * 7919) % 4320 - 1440 AS DueInMinutes
                    FROM ticketing_ticket WHERE Status = 0)
                UPDATE ticketing_ticket AS t SET
                    SlaPolicyId = c.PolicyId, SlaPolicyName = c.PolicyName,
                    FirstResponseDueAtUtc = strftime('%Y-%m-%d %H:%M:%S', $now, c.DueInMinutes || ' minutes'),
                    FirstResponseWarnAtUtc = strftime('%Y-%m-%d %H:%M:%S', $now, (c.DueInMinutes - c.Target / 4) || ' minutes'),
                    FirstResponseMet = NULL,
                    SlaDueAtUtc = strftime('%Y-%m-%d %H:%M:%S', $now, c.DueInMinutes || ' minutes'),
                    SlaWarnAtUtc = strftime('%Y-%m-%d %H:%M:%S', $now, (c.DueInMinutes - c.Target / 4) || ' minutes')
                FROM clock AS c WHERE t.Id = c.Id;
                """;
            command.Parameters.AddWithValue("$now", now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            return command.ExecuteNonQuery();
        }
    }

    /// <summary>Small helpers around Microsoft.Data.Sqlite commands.</summary>
    internal static class Sql
    {
        public static long Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        public static void Execute(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        /// <summary>A prepared INSERT whose parameters are named after the columns, in order.</summary>
        public static SqliteCommand Insert(SqliteConnection connection, string table, params string[] columns)
        {
            var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
            foreach (var column in columns)
            {
                command.Parameters.Add(new SqliteParameter("$" + column, null));
            }

            return command;
        }

        public static void Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        /// <summary>The text EF Core's SQLite provider stores for a <see cref="DateTime"/>.</summary>
        public static string Time(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Generates three years of a support desk: 5,000 companies of very different sizes, about four
    /// contacts each, tickets spread evenly in time, mostly closed, with the recent ones still open or
    /// awaiting the customer; one to three thread entries of a few hundred characters per ticket.
    /// </summary>
    internal sealed class TicketGenerator
    {
        public const int Companies = 5000;
        private const int TicketsPerTransaction = 10_000;
        private static readonly TimeSpan History = TimeSpan.FromDays(3 * 365);

        private static readonly string[] FirstNames =
        [
            "Camille", "Julien", "Sophie", "Nicolas", "Claire", "Thomas", "Marie", "Antoine", "Laura", "Pierre",
            "Emma", "Lucas", "Chloé", "Hugo", "Léa", "Maxime", "Manon", "Louis", "Sarah", "Paul",
            "Inès", "Mathieu", "Julie", "Alexandre", "Anne", "David", "Céline", "Olivier", "Nathalie", "François",
            "Isabelle", "Éric", "Sandrine", "Patrick", "Valérie", "Stéphane", "Hélène", "Philippe", "Audrey", "Vincent",
        ];

        private static readonly string[] LastNames =
        [
            "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
            "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
            "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
        ];

        private static readonly string[] CompanyWords =
        [
            "Alpha", "Atlas", "Azur", "Boréal", "Cobalt", "Delta", "Émeraude", "Horizon", "Iris", "Jade",
            "Lumen", "Nova", "Opale", "Orion", "Pixel", "Quartz", "Saphir", "Sigma", "Solaris", "Vega",
            "Garonne", "Loire", "Rhône", "Seine", "Vercors", "Provence", "Bretagne", "Alsace", "Auvergne", "Vendée",
        ];

        private static readonly string[] CompanyKinds =
        [
            "Transports", "Bâtiment", "Conseil", "Santé", "Logistique", "Immobilier", "Distribution", "Industrie",
            "Informatique", "Assurances", "Pharmacie", "Hôtellerie", "Agroalimentaire", "Imprimerie", "Notaires",
        ];

        private static readonly string[] LegalForms = ["SARL", "SAS", "SA", "EURL", "SCI", "Groupe"];

        private static readonly string[] Departments =
            ["Comptabilité", "Direction", "Accueil", "Ressources humaines", "Logistique", "Commercial", "Atelier", "Informatique"];

        private static readonly string[] AgentNames =
        [
            "Adrien Caron", "Bérénice Lemoine", "Cédric Fabre", "Delphine Renaud", "Étienne Marchand",
            "Fanny Colin", "Gaël Perrin", "Hélène Masson", "Ismaël Barbier", "Jeanne Brun",
            "Karim Benali", "Lucie Gauthier", "Mickaël Dumas", "Noémie Chevalier", "Octave Roy",
            "Pauline Meyer", "Quentin Lucas", "Rose Fontaine", "Samuel Aubert", "Tiphaine Rey",
        ];

        // Subjects per help topic (1 mailbox ... 7 other), as customers write them.
        private static readonly string[][] Subjects =
        [
            ["Boîte mail pleine", "Impossible d'envoyer des e-mails", "Outlook demande le mot de passe en boucle", "Messages bloqués dans la boîte d'envoi", "Mailbox not syncing on phone", "Signature e-mail à modifier"],
            ["Imprimante hors ligne", "Bourrage papier récurrent", "Impression très lente", "Printer prints blank pages", "Scanner vers e-mail ne fonctionne plus", "Toner non reconnu"],
            ["Connexion internet coupée", "Wi-Fi très lent à l'étage", "VPN ne se connecte plus", "Internet down since this morning", "Box redémarre toute seule", "Accès à un site bloqué"],
            ["Poste très lent au démarrage", "Écran noir après mise à jour", "Clavier qui ne répond plus", "Laptop overheating", "Nouveau poste à installer", "Mot de passe Windows expiré"],
            ["Serveur de fichiers inaccessible", "Sauvegarde en échec cette nuit", "Espace disque insuffisant sur le serveur", "Server unreachable after power cut", "Lenteurs sur l'application métier", "Certificat expiré"],
            ["Standard téléphonique muet", "Poste téléphonique sans tonalité", "Transfert d'appel impossible", "Voicemail not working", "Appels coupés au bout d'une minute", "Nouvelle ligne à ouvrir"],
            ["Demande de devis", "Question sur la facture", "Accès à créer pour un nouvel arrivant", "Request for a training session", "Déménagement de bureaux", "Renouvellement de licence"],
        ];

        // Words of the messages; drawn with a skew, so that a few are everywhere and most are rare, as in real text.
        private static readonly string[] Words =
        [
            "bonjour", "merci", "problème", "depuis", "matin", "toujours", "encore", "utilisateur", "message", "erreur",
            "redémarré", "poste", "ordinateur", "écran", "réseau", "connexion", "impossible", "fonctionne", "plus", "pouvez",
            "vous", "nous", "rappeler", "urgent", "bloqué", "client", "facture", "service", "accès", "mot",
            "passe", "compte", "fichier", "dossier", "partage", "serveur", "sauvegarde", "imprimante", "papier", "toner",
            "outlook", "exchange", "synchronisation", "téléphone", "standard", "ligne", "appel", "wifi", "routeur", "firewall",
            "licence", "installation", "mise", "jour", "windows", "office", "teams", "antivirus", "virus", "spam",
            "hello", "please", "issue", "since", "yesterday", "error", "again", "restart", "login", "password",
            "printer", "network", "slow", "cannot", "access", "shared", "drive", "backup", "failed", "update",
            "comptabilité", "logiciel", "métier", "base", "données", "lenteur", "plantage", "écran bleu", "clavier", "souris",
            "badge", "caméra", "visio", "micro", "casque", "batterie", "chargeur", "docking", "station", "projecteur",
            "certificat", "domaine", "dns", "adresse", "ip", "vpn", "télétravail", "portable", "smartphone", "tablette",
            "rapport", "capture", "pièce", "jointe", "ci-joint", "cordialement", "rapidement", "possible", "aujourd'hui", "demain",
            "intervention", "technicien", "sur", "site", "distance", "prise", "main", "teamviewer", "identifiant", "session",
            "quota", "espace", "disque", "plein", "archive", "pst", "calendrier", "agenda", "contacts", "liste",
            "scanner", "numérisation", "recto", "verso", "couleur", "bourrage", "bac", "pilote", "driver", "file",
            "onduleur", "coupure", "électricité", "baie", "switch", "câble", "prise réseau", "port", "brassage", "fibre",
            "sage", "ciel", "ebp", "sql", "lenteurs", "export", "import", "excel", "word", "pdf",
            "kerberos", "hyperviseur", "vmware", "raid", "nas", "synology", "snapshot", "réplication", "cluster", "zabbix",
        ];

        private readonly int _tickets;
        private readonly DateTime _now;
        private readonly Random _random = new(20261123);
        private readonly List<(long Id, string Name, string Domain)> _companies = [];
        private readonly List<List<(long Id, string Email, string Name, string Phone, string? Department)>> _contactsByCompany = [];
        private readonly string[] _agentIds;

        public TicketGenerator(int tickets, DateTime now)
        {
            _tickets = tickets;
            _now = now;
            _agentIds = [.. AgentNames.Select((_, i) => new Guid(i + 1, 0, 0, new byte[8]).ToString())];
        }

        public int Open { get; private set; }

        public int Awaiting { get; private set; }

        public long Entries { get; private set; }

        public int Contacts { get; private set; }

        public void Write(SqliteConnection connection, Action<int> progress)
        {
            var start = _now - History;
            using (var transaction = connection.BeginTransaction())
            {
                WriteCustomers(connection, transaction, start);
                transaction.Commit();
            }

            var numbers = TicketNumbers();
            using var ticketInsert = Sql.Insert(
                connection, "ticketing_ticket", "Id", "Number", "Subject", "Status", "Priority", "Severity", "SeverityClassified",
                "CriticalSituation", "HelpTopicId", "CompanyId", "CompanyName", "ContactId", "CustomerName", "CustomerEmail",
                "NormalizedCustomerEmail", "CustomerPhone", "Department", "Channel", "Language", "Team", "AssignedAgentId",
                "AssignedAgentName", "CreatedAtUtc", "UpdatedAtUtc", "FirstAgentReplyAtUtc", "ClosedAtUtc");
            using var entryInsert = Sql.Insert(
                connection, "ticketing_thread_entry", "Id", "TicketId", "Kind", "AuthorName", "AuthorStaffId", "BodyHtml", "BodyText", "CreatedAtUtc");
            using var changeInsert = Sql.Insert(
                connection, "ticketing_ticket_change", "TicketId", "AtUtc", "Actor", "ActorStaffId", "Field", "OldValue", "NewValue");
            using var linkInsert = Sql.Insert(
                connection, "ticketing_access_link", "TicketId", "TokenHash", "CreatedAtUtc", "ExpiresAtUtc", "RevokedAtUtc", "LastUsedAtUtc");

            var entryId = 0L;
            var spanTicks = (double)History.Ticks;
            SqliteTransaction? batch = null;
            for (var i = 0; i < _tickets; i++)
            {
                if (i % TicketsPerTransaction == 0)
                {
                    batch?.Commit();
                    batch?.Dispose();
                    batch = connection.BeginTransaction();
                    ticketInsert.Transaction = entryInsert.Transaction = changeInsert.Transaction = linkInsert.Transaction = batch;
                    if (i > 0 && i % 100_000 == 0)
                    {
                        progress(i);
                    }
                }

                var id = i + 1L;
                var created = start.AddTicks((long)(spanTicks * (i + _random.NextDouble()) / _tickets));
                var ageDays = (_now - created).TotalDays;

                // Recent tickets are often still being worked on; a thin backlog of old ones never got closed.
                var stillOpen = _random.NextDouble() < (ageDays < 180 ? 0.55 * (1 - (ageDays / 180)) : 0.005);
                var status = stillOpen ? (_random.NextDouble() < 0.7 ? 0 : 1) : 2;
                if (status == 0)
                {
                    Open++;
                }
                else if (status == 1)
                {
                    Awaiting++;
                }

                var companyIndex = SkewedIndex(Companies, 2.5);
                var company = _companies[companyIndex];
                var contacts = _contactsByCompany[companyIndex];
                var contact = contacts[_random.Next(contacts.Count)];
                var topic = _random.Next(7);
                var subject = Subjects[topic][_random.Next(Subjects[topic].Length)];
                var entryCount = status == 0 ? Pick(0.5, 0.3) : Pick(0.2, 0.45);
                var times = new DateTime[entryCount];
                times[0] = created;
                for (var e = 1; e < entryCount; e++)
                {
                    times[e] = Min(times[e - 1] + Exponential(TimeSpan.FromHours(e == 1 ? 4 : 20)), _now);
                }

                var updated = status == 2 ? Min(times[^1] + Exponential(TimeSpan.FromHours(24)), _now) : times[^1];
                var assigned = status == 0 && _random.NextDouble() < 0.3 ? -1 : _random.Next(AgentNames.Length);
                var priority = Weighted(0.15, 0.6, 0.2);
                var severity = Weighted(0.85, 0.12);
                var team = Weighted(0.8, 0.1, 0.08);
                var language = _random.NextDouble() < 0.7 ? "fr" : "en";
                Sql.Run(
                    ticketInsert, id, numbers[i], subject, status, priority, severity, status == 2 || _random.NextDouble() < 0.5 ? 1 : 0,
                    _random.NextDouble() < 0.01 ? 1 : 0, topic + 1, company.Id, company.Name, contact.Id, contact.Name, contact.Email,
                    contact.Email.ToLowerInvariant(), contact.Phone, contact.Department, "web", language, team,
                    assigned < 0 ? null : _agentIds[assigned], assigned < 0 ? null : AgentNames[assigned],
                    Sql.Time(created), Sql.Time(updated), entryCount > 1 ? Sql.Time(times[1]) : null, status == 2 ? Sql.Time(updated) : null);

                for (var e = 0; e < entryCount; e++)
                {
                    // Customer message, agent reply, then a customer answer or an internal note.
                    var kind = e == 0 ? 0 : e == 1 ? 1 : _random.NextDouble() < 0.7 ? 0 : 2;
                    var agent = assigned < 0 ? 0 : assigned;
                    var text = Message(e == 0 ? subject : null);
                    Sql.Run(
                        entryInsert, ++entryId, id, kind, kind == 0 ? contact.Name : AgentNames[agent], kind == 0 ? null : _agentIds[agent],
                        Html(text), text, Sql.Time(times[e]));
                }

                Entries += entryCount;
                Sql.Run(changeInsert, id, Sql.Time(created), contact.Name, null, "Opened", null, "web");

                // The link emailed when the ticket was opened; expired long ago for all but the last week's tickets.
                Sql.Run(linkInsert, id, RandomNumberGenerator.GetBytes(32), Sql.Time(created), Sql.Time(created.AddDays(7)), null, null);
            }

            batch?.Commit();
            batch?.Dispose();
            progress(_tickets);
        }

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

        private static string Html(string text)
        {
            var middle = text.IndexOf(". ", text.Length / 2, StringComparison.Ordinal);
            return middle < 0
                ? "<p>" + text + "</p>"
                : "<p>" + text[..(middle + 1)] + "</p><p>" + text[(middle + 2)..] + "</p>";
        }

        private void WriteCustomers(SqliteConnection connection, SqliteTransaction transaction, DateTime start)
        {
            using var companyInsert = Sql.Insert(
                connection, "ticketing_company", "Id", "Name", "NormalizedName", "EmailDomain", "HasMaintenanceContract", "ContractEndsOn", "CreatedAtUtc");
            using var contactInsert = Sql.Insert(
                connection, "ticketing_contact", "Id", "Email", "NormalizedEmail", "Name", "Phone", "Department", "CompanyId", "CreatedAtUtc");
            companyInsert.Transaction = contactInsert.Transaction = transaction;
            var names = new HashSet<string>(StringComparer.Ordinal);
            var contactId = 0L;
            for (var c = 1; c <= Companies; c++)
            {
                // There are fewer word combinations than companies: repeats get a number, as namesakes do.
                var name = $"{CompanyWords[_random.Next(CompanyWords.Length)]} {CompanyKinds[_random.Next(CompanyKinds.Length)]} {LegalForms[_random.Next(LegalForms.Length)]}";
                if (!names.Add(name))
                {
                    name = string.Create(CultureInfo.InvariantCulture, $"{name} {c}");
                }

                var domain = string.Create(CultureInfo.InvariantCulture, $"client{c}.example");
                var contract = _random.NextDouble() < 0.6;
                Sql.Run(
                    companyInsert, c, name, Normalize(name), domain, contract ? 1 : 0,
                    contract ? DateOnly.FromDateTime(_now.AddDays(_random.Next(-200, 700))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                    Sql.Time(start));
                _companies.Add((c, name, domain));

                var contacts = new List<(long, string, string, string, string?)>();
                var count = 1 + _random.Next(7);
                for (var k = 0; k < count; k++)
                {
                    var first = FirstNames[_random.Next(FirstNames.Length)];
                    var last = LastNames[_random.Next(LastNames.Length)];
                    var email = string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}.{Ascii(last)}{k}@{domain}");
                    var phone = string.Create(CultureInfo.InvariantCulture, $"+33 {_random.Next(1, 6)} {_random.Next(10, 99)} {_random.Next(10, 99)} {_random.Next(10, 99)} {_random.Next(10, 99)}");
                    var department = _random.NextDouble() < 0.5 ? null : Departments[_random.Next(Departments.Length)];
                    Sql.Run(contactInsert, ++contactId, email, email.ToLowerInvariant(), $"{last} {first}", phone, department, c, Sql.Time(start));
                    contacts.Add((contactId, email, $"{last} {first}", phone, department));
                }

                _contactsByCompany.Add(contacts);
            }

            Contacts = (int)contactId;
        }

        /// <summary>
        /// Numbers as the application draws them: every six-digit number (there are 900,000) in random
        /// order, then distinct seven-digit numbers once the six-digit ones have run out.
        /// </summary>
        private int[] TicketNumbers()
        {
            var numbers = new int[_tickets];
            var six = Enumerable.Range(100_000, 900_000).ToArray();
            _random.Shuffle(six);
            var used = new HashSet<int>();
            for (var i = 0; i < _tickets; i++)
            {
                if (i < six.Length)
                {
                    numbers[i] = six[i];
                    continue;
                }

                int candidate;
                do
                {
                    candidate = _random.Next(1_000_000, 10_000_000);
                }
                while (!used.Add(candidate));
                numbers[i] = candidate;
            }

            return numbers;
        }

        /// <summary>A message of 200 to 600 characters, opening with the subject when there is one.</summary>
        private string Message(string? subject)
        {
            var length = _random.Next(200, 600);
            var text = new StringBuilder(length + 40);
            if (subject is not null)
            {
                text.Append(subject).Append(". ");
            }

            var sentenceStart = true;
            while (text.Length < length)
            {
                var word = Words[SkewedIndex(Words.Length, 2)];
                text.Append(sentenceStart ? char.ToUpperInvariant(word[0]) + word[1..] : word);
                sentenceStart = _random.NextDouble() < 0.1;
                text.Append(sentenceStart ? ". " : " ");
            }

            return text.ToString().TrimEnd() + ".";
        }

        /// <summary>An index in [0, count) where low indexes are much more frequent than high ones.</summary>
        private int SkewedIndex(int count, double skew) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), skew)));

        /// <summary>1, 2 or 3 with the given chances of 1 and 2.</summary>
        private int Pick(double one, double two)
        {
            var r = _random.NextDouble();
            return r < one ? 1 : r < one + two ? 2 : 3;
        }

        /// <summary>0, 1, 2 ... with the given chances; the last value takes what is left.</summary>
        private int Weighted(params double[] chances)
        {
            var r = _random.NextDouble();
            for (var i = 0; i < chances.Length; i++)
            {
                if (r < chances[i])
                {
                    return i;
                }

                r -= chances[i];
            }

            return chances.Length;
        }

        private TimeSpan Exponential(TimeSpan mean) => TimeSpan.FromTicks((long)(-Math.Log(1 - _random.NextDouble()) * mean.Ticks));

        /// <summary>The company name as the product normalises it for matching: lower case, no accents.</summary>
        private static string Normalize(string name) => Ascii(name).ToLowerInvariant();

        private static string Ascii(string value)
        {
            var decomposed = value.Normalize(NormalizationForm.FormD);
            var builder = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(c);
                }
            }

            return builder.ToString().ToLowerInvariant();
        }
    }
}
