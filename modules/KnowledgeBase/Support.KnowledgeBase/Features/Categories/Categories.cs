using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Support.Kernel.Contracts;
using Support.KnowledgeBase.Data;
using Support.KnowledgeBase.Domain;
using Support.Ticketing.Contracts;

namespace Support.KnowledgeBase.Features.Categories;

/// <summary>A category with how many articles it files.</summary>
internal sealed record CategoryRow(long Id, string NameFr, string NameEn, int SortOrder, string? HelpTopicKey, int Articles)
{
    public string Name(string language) => language == "en" ? NameEn : NameFr;
}

/// <summary>Every category in display order.</summary>
internal sealed record CategoryListQuery : IQuery<IReadOnlyList<CategoryRow>>;

internal sealed class CategoryListQueryHandler : IRequestHandler<CategoryListQuery, IReadOnlyList<CategoryRow>>
{
    private readonly KnowledgeBaseDbContext _db;

    public CategoryListQueryHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<IReadOnlyList<CategoryRow>> Handle(CategoryListQuery request, CancellationToken cancellationToken) =>
        await _db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategoryRow(c.Id, c.NameFr, c.NameEn, c.SortOrder, c.HelpTopicKey, _db.Articles.Count(a => a.CategoryId == c.Id)))
            .ToListAsync(cancellationToken);
}

/// <summary>Creates a category (no id) or renames and moves one.</summary>
internal sealed record SaveCategoryCommand(long? Id, string? NameFr, string? NameEn, int SortOrder) : IRequest<long>;

internal sealed class SaveCategoryValidator : AbstractValidator<SaveCategoryCommand>
{
    public SaveCategoryValidator(IStringLocalizer<KnowledgeBaseResource> t, KnowledgeBaseDbContext db)
    {
        RuleFor(c => c.NameFr).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(t["The French name is required."])
            .Must(v => v is null || (v.Trim().Length <= ArticleLimits.CategoryName && !v.Any(char.IsControl))).WithMessage(t["A name is one line of at most {0} characters.", ArticleLimits.CategoryName]);
        RuleFor(c => c.NameEn).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(t["The English name is required."])
            .Must(v => v is null || (v.Trim().Length <= ArticleLimits.CategoryName && !v.Any(char.IsControl))).WithMessage(t["A name is one line of at most {0} characters.", ArticleLimits.CategoryName]);
        RuleFor(c => c.Id)
            .MustAsync(async (id, ct) => id is null || await db.Categories.AnyAsync(c => c.Id == id, ct))
            .WithMessage(t["This category no longer exists."]);
    }
}

internal sealed class SaveCategoryHandler : IRequestHandler<SaveCategoryCommand, long>
{
    private readonly KnowledgeBaseDbContext _db;

    public SaveCategoryHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<long> Handle(SaveCategoryCommand request, CancellationToken cancellationToken)
    {
        Category category;
        if (request.Id is { } id)
        {
            category = await _db.Categories.SingleAsync(c => c.Id == id, cancellationToken);
            category.Rename(request.NameFr!.Trim(), request.NameEn!.Trim(), request.SortOrder);
        }
        else
        {
            category = new Category(request.NameFr!.Trim(), request.NameEn!.Trim(), request.SortOrder, helpTopicKey: null);
            _db.Categories.Add(category);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return category.Id;
    }
}

/// <summary>Removes a category that files no article.</summary>
internal sealed record DeleteCategoryCommand(long Id) : IRequest<Unit>;

internal sealed class DeleteCategoryValidator : AbstractValidator<DeleteCategoryCommand>
{
    public DeleteCategoryValidator(IStringLocalizer<KnowledgeBaseResource> t, KnowledgeBaseDbContext db) =>
        RuleFor(c => c.Id)
            .MustAsync(async (id, ct) => !await db.Articles.AnyAsync(a => a.CategoryId == id, ct))
            .WithMessage(t["Move or delete its articles first: a category with articles cannot be deleted."]);
}

internal sealed class DeleteCategoryHandler : IRequestHandler<DeleteCategoryCommand, Unit>
{
    private readonly KnowledgeBaseDbContext _db;

    public DeleteCategoryHandler(KnowledgeBaseDbContext db) => _db = db;

    public async Task<Unit> Handle(DeleteCategoryCommand request, CancellationToken cancellationToken)
    {
        await _db.Categories.Where(c => c.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// At start-up, gives an empty knowledge base one category per help topic (asked of Ticketing through
/// its Contracts), so that agents file their first articles where customers already look. Without
/// the Ticketing module, or once anything exists, it does nothing.
/// </summary>
internal sealed class DefaultCategories : IHostedService
{
    private readonly IServiceScopeFactory _scopes;

    public DefaultCategories(IServiceScopeFactory scopes) => _scopes = scopes;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeBaseDbContext>();
        if (await db.Categories.AnyAsync(cancellationToken) || await db.Articles.AnyAsync(cancellationToken)
            || scope.ServiceProvider.GetService<IRequestHandler<HelpTopicsQuery, IReadOnlyList<HelpTopicSummary>>>() is null)
        {
            return;
        }

        var topics = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new HelpTopicsQuery(), cancellationToken);
        db.Categories.AddRange(topics.Where(t => t.Active).Select(t => new Category(t.NameFr, t.NameEn, t.SortOrder, t.Key)));
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
