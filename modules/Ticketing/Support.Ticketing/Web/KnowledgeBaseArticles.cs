using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Support.KnowledgeBase.Contracts;

namespace Support.Ticketing.Web;

/// <summary>
/// The knowledge base as the ticket pages use it, through its Contracts: suggestions on the new-ticket
/// form, the search on an agent's ticket page. When the KnowledgeBase module is switched off nothing
/// handles its messages; <see cref="IsAvailable"/> is then false and the pages leave those parts out.
/// </summary>
internal sealed class KnowledgeBaseArticles
{
    private readonly IServiceProvider _services;
    private readonly IMediator _mediator;

    public KnowledgeBaseArticles(IServiceProvider services, IMediator mediator)
    {
        _services = services;
        _mediator = mediator;
    }

    public bool IsAvailable => _services.GetService<IRequestHandler<SuggestArticlesQuery, IReadOnlyList<ArticleSuggestion>>>() is not null;

    public async Task<IReadOnlyList<ArticleSuggestion>> SuggestAsync(string? text, string language, CancellationToken cancellationToken) =>
        IsAvailable && !string.IsNullOrWhiteSpace(text)
            ? await _mediator.Send(new SuggestArticlesQuery(Truncate(text), language), cancellationToken)
            : [];

    public async Task<IReadOnlyList<ArticleSuggestion>> SearchForAgentAsync(string? text, string language, CancellationToken cancellationToken) =>
        IsAvailable && !string.IsNullOrWhiteSpace(text)
            ? await _mediator.Send(new SearchArticlesForAgentQuery(Truncate(text), language), cancellationToken)
            : [];

    /// <summary>Tells the knowledge base that the suggestions the customer opened (ids from the form) did not spare a ticket.</summary>
    public async Task TicketOpenedAfterAsync(string? openings, CancellationToken cancellationToken)
    {
        var ids = (openings ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .Take(50)
            .ToList();
        if (IsAvailable && ids.Count > 0)
        {
            await _mediator.Send(new TicketOpenedAfterSuggestionsCommand(ids), cancellationToken);
        }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
