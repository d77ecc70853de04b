using System.Globalization;
using BenchmarkDotNet.Attributes;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Support.Kernel;
using Support.KnowledgeBase;
using Support.KnowledgeBase.Contracts;
using Support.KnowledgeBase.Features.Portal;

namespace Support.Benchmarks.KnowledgeBase;

/// <summary>BenchmarkDotNet's view of the same searches, on a folder the p99 run seeded.</summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    public const string FolderVariable = "SUPPORT_BENCH_KB_FOLDER";

    public static readonly (string Name, string Query)[] Queries =
    [
        ("phrase", "imprimante hors connexion"),
        ("common word", "mot de passe"),
        ("prefix", "impr"),
        ("rare word", "spouleur"),
        ("no match", "xylophone"),
    ];

    private ServiceProvider? _provider;

    [ParamsSource(nameof(QueryValues))]
    public string Query { get; set; } = "";

    public static IEnumerable<string> QueryValues() => Queries.Select(q => q.Query);

    [GlobalSetup]
    public void Setup() => _provider = Host.Services(Environment.GetEnvironmentVariable(FolderVariable)!);

    [GlobalCleanup]
    public void Cleanup() => _provider?.Dispose();

    [Benchmark]
    public async Task<int> PortalSearch()
    {
        await using var scope = _provider!.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PortalSearchQuery(Query, "fr"))).Count;
    }

    [Benchmark]
    public async Task<int> Suggestions()
    {
        await using var scope = _provider!.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SuggestArticlesQuery(Query, "fr"))).Count;
    }
}

/// <summary>The Kernel and the KnowledgeBase module on a data folder, as the host wires them.</summary>
internal static class Host
{
    public static ServiceProvider Services(string folder, bool logCommands = false)
    {
        // The search itself is measured: the results kept for identical queries would answer every repetition.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataFolder"] = folder,
            ["Modules:KnowledgeBase:KeepSearchResults"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logCommands)
            {
                logging.AddProvider(new CommandLog());
            }
        });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new BenchEnvironment { ContentRootPath = folder });
        services.AddLocalization();
        services.AddKernel(configuration, [typeof(KnowledgeBaseModule).Assembly]);
        services.AddModuleDbContextOnly(configuration);
        return services.BuildServiceProvider();
    }

    private static void AddModuleDbContextOnly(this IServiceCollection services, IConfiguration configuration)
    {
        // The module's services without its start-up work (the default categories need Ticketing).
        new KnowledgeBaseModule().AddServices(services, configuration);
        services.RemoveAll<IHostedService>();
    }

    private static void RemoveAll<T>(this IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T)).ToList())
        {
            services.Remove(descriptor);
        }
    }

    /// <summary>Writes EF Core's executed commands (with their durations) to the console.</summary>
    private sealed class CommandLog : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) =>
            categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Information;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Console.WriteLine(formatter(state, exception));

        public void Dispose()
        {
        }
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Support.Benchmarks.KnowledgeBase";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>
/// Writes articles straight into the tables (the triggers index them), in the product's two languages:
/// titles, summaries and bodies drawn from support vocabulary with a skewed frequency, so that some
/// words match tens of thousands of articles and others a handful, as in a real knowledge base.
/// </summary>
internal static class SeedArticles
{
    private static readonly string[] Words =
    [
        "imprimante", "connexion", "réseau", "messagerie", "Outlook", "mot", "de", "passe", "poste", "travail", "serveur", "fichier",
        "partage", "écran", "clavier", "souris", "Windows", "Linux", "VPN", "Wi-Fi", "câble", "routeur", "pare-feu", "sauvegarde",
        "restauration", "compte", "utilisateur", "droits", "accès", "dossier", "téléphone", "standard", "messagerie vocale", "licence",
        "installation", "mise", "à", "jour", "pilote", "erreur", "redémarrer", "vérifier", "configurer", "paramètres", "session",
        "bureau", "distance", "TeamViewer", "scanner", "toner", "bourrage", "papier", "file", "attente", "spouleur", "service",
        "certificat", "navigateur", "Chrome", "Firefox", "Edge", "cache", "proxy", "DNS", "adresse", "IP", "DHCP", "Active", "Directory",
        "groupe", "stratégie", "disque", "plein", "espace", "lent", "lenteur", "bloqué", "gelé", "plantage", "écran bleu", "mémoire",
        "processeur", "batterie", "portable", "station", "accueil", "projecteur", "visioconférence", "Teams", "micro", "caméra", "son",
        "synchronisation", "calendrier", "contacts", "signature", "pièce", "jointe", "taille", "limite", "quota", "boîte", "archive",
        "hors", "ligne", "printer", "offline", "password", "reset", "network", "mailbox", "account", "server", "backup", "update",
    ];

    public static void Insert(string databasePath, int count)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            pragma.ExecuteNonQuery();
        }

        var categories = EnsureCategories(connection);
        var random = new Random(20261126);
        var now = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
        for (var done = 0; done < count; done += 5000)
        {
            using var transaction = connection.BeginTransaction();
            using var article = connection.CreateCommand();
            article.Transaction = transaction;
            article.CommandText = """
                INSERT INTO knowledgebase_article ("CategoryId", "Language", "Title", "Summary", "BodyHtml", "BodyText", "Tags", "Visibility", "Status", "Revision", "CreatedAtUtc", "UpdatedAtUtc", "PublishedAtUtc", "UpdatedBy", "ViewCount", "HelpfulCount", "NotHelpfulCount")
                VALUES ($category, $language, $title, $summary, $html, $text, $tags, $visibility, $status, 1, $at, $at, $at, 'Benchmark', 0, 0, 0);
                """;
            var parameters = new[] { "$category", "$language", "$title", "$summary", "$html", "$text", "$tags", "$visibility", "$status", "$at" }
                .ToDictionary(n => n, n => article.Parameters.Add(new SqliteParameter { ParameterName = n }));
            for (var i = done; i < Math.Min(count, done + 5000); i++)
            {
                var title = i % 200 == 0 ? "Imprimante hors-connexion : " + Sentence(random, 3) : Capitalise(Sentence(random, random.Next(4, 9)));
                var text = string.Join("\n\n", Enumerable.Range(0, random.Next(3, 8)).Select(_ => Sentence(random, random.Next(15, 35)) + "."));
                parameters["$category"].Value = categories[random.Next(categories.Count)];
                parameters["$language"].Value = random.Next(4) == 0 ? "en" : "fr";
                parameters["$title"].Value = title;
                parameters["$summary"].Value = Capitalise(Sentence(random, random.Next(8, 18))) + ".";
                parameters["$html"].Value = "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>";
                parameters["$text"].Value = text;
                parameters["$tags"].Value = string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Word(random)));
                parameters["$visibility"].Value = random.Next(10) == 0 ? 1 : 0;
                parameters["$status"].Value = random.Next(20) == 0 ? 0 : 1;
                parameters["$at"].Value = now.AddMinutes(-i).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                article.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        using var optimize = connection.CreateCommand();
        optimize.CommandText = "INSERT INTO knowledgebase_article_search(knowledgebase_article_search) VALUES ('optimize');";
        optimize.ExecuteNonQuery();
        Console.WriteLine($"{count:N0} articles in {categories.Count} categories");
    }

    private static List<long> EnsureCategories(SqliteConnection connection)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO knowledgebase_category ("NameFr", "NameEn", "SortOrder", "HelpTopicKey")
            SELECT 'Imprimante', 'Printer', 20, 'printer' WHERE NOT EXISTS (SELECT 1 FROM knowledgebase_category);
            INSERT INTO knowledgebase_category ("NameFr", "NameEn", "SortOrder", "HelpTopicKey")
            SELECT 'Boîte mail', 'Mailbox', 10, 'mailbox' WHERE (SELECT COUNT(*) FROM knowledgebase_category) = 1;
            """;
        insert.ExecuteNonQuery();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT \"Id\" FROM knowledgebase_category";
        using var reader = select.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    // Squaring a uniform draw favours the first words of the list: a few very common words, a long tail.
    private static string Word(Random random) => Words[(int)(Math.Pow(random.NextDouble(), 2) * Words.Length)];

    private static string Sentence(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
