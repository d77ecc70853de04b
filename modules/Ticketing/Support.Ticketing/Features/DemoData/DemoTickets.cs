using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Support.Ticketing.Contracts;
using Support.Ticketing.Data;
using Support.Ticketing.Features.Companies;
using Support.Ticketing.Features.OpenTicket;
using Support.Ticketing.Settings;

namespace Support.Ticketing.Features.DemoData;

/// <summary>
/// On an empty installation with <c>Ticketing:DemoData</c> on (the development settings), opens a few
/// tickets through the portal's own command, so that a first look at the console shows real queues.
/// </summary>
internal sealed partial class DemoTickets : IHostedService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TicketingOptions _options;
    private readonly ILogger<DemoTickets> _logger;

    public DemoTickets(IServiceScopeFactory scopes, IOptions<TicketingOptions> options, ILogger<DemoTickets> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.DemoData)
        {
            return;
        }

        await using var scope = _scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<TicketingDbContext>().Tickets.AnyAsync(cancellationToken))
        {
            return;
        }

        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new SaveCompanyCommand(null, "Acme Industries", "acme.example", HasMaintenanceContract: true, new DateOnly(DateTime.UtcNow.Year + 1, 12, 31), SupportRegion.Europe), cancellationToken);
        foreach (var form in Forms())
        {
            await using var ticketScope = _scopes.CreateAsyncScope();
            await ticketScope.ServiceProvider.GetRequiredService<IMediator>().Send(new OpenTicketCommand(form, [], "fr"), cancellationToken);
        }

        DemoOpened(_logger, Forms().Count());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IEnumerable<NewTicketForm> Forms()
    {
        yield return Form(2, "Acme Industries", "Comptabilité", "marie.durand@acme.example", "Marie Durand", "01 23 45 67 89", "L'imprimante du 2e étage est hors connexion", "<p>Depuis ce matin, l'imprimante <strong>HP LaserJet</strong> du 2e étage affiche « hors connexion ».</p>", TicketPriority.Normal);
        yield return Form(5, "Acme Industries", "Production", "paul.martin@acme.example", "Paul Martin", "01 98 76 54 32", "Le serveur de fichiers ne répond plus", "<p>Plus personne n'accède au partage <em>\\\\fichiers\\production</em> : toute la chaîne est arrêtée.</p>", TicketPriority.Emergency, critical: true);
        yield return Form(1, "Boulangerie Étoile", null, "contact@etoile.example", "Sophie Bernard", "04 11 22 33 44", "Messagerie : les e-mails ne partent plus", "<p>Outlook affiche une erreur de synchronisation depuis hier soir.</p><ul><li><p>Boîte : contact@etoile.example</p></li></ul>", TicketPriority.High);
        yield return Form(4, "Cabinet Lefèvre", "Accueil", "accueil@lefevre.example", "Luc Lefèvre", "05 55 66 77 88", "Poste de l'accueil très lent au démarrage", "<p>Le poste met plus de dix minutes à démarrer.</p>", TicketPriority.Low);
    }

    private static NewTicketForm Form(long topic, string company, string? department, string email, string name, string phone, string subject, string detail, TicketPriority priority, bool critical = false) => new()
    {
        HelpTopicId = topic,
        Company = company,
        Department = department,
        Email = email,
        Name = name,
        Phone = phone,
        Subject = subject,
        Detail = detail,
        Priority = priority,
        CriticalSituation = critical,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened {Count} demo tickets (Ticketing:DemoData is on).")]
    private static partial void DemoOpened(ILogger logger, int count);
}
