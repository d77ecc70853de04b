using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;
using Support.KnowledgeBase.Domain;

namespace Support.KnowledgeBase.Data;

/// <summary>The KnowledgeBase module's tables, all prefixed <c>knowledgebase_</c>.</summary>
internal sealed class KnowledgeBaseDbContext : ModuleDbContext
{
    public const string Prefix = "knowledgebase";

    public KnowledgeBaseDbContext(DbContextOptions<KnowledgeBaseDbContext> options)
        : base(options)
    {
    }

    public override string TablePrefix => Prefix;

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleRevision> Revisions => Set<ArticleRevision>();

    public DbSet<ArticleAttachment> Attachments => Set<ArticleAttachment>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<SuggestionOpening> SuggestionOpenings => Set<SuggestionOpening>();

    protected override void OnModuleModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(category =>
        {
            category.Property(c => c.NameFr).HasMaxLength(ArticleLimits.CategoryName);
            category.Property(c => c.NameEn).HasMaxLength(ArticleLimits.CategoryName);
            category.Property(c => c.HelpTopicKey).HasMaxLength(50);
            category.HasIndex(c => c.SortOrder);
        });

        modelBuilder.Entity<Article>(article =>
        {
            article.Property(a => a.Language).HasMaxLength(2);
            article.Property(a => a.Title).HasMaxLength(ArticleLimits.Title);
            article.Property(a => a.Summary).HasMaxLength(ArticleLimits.Summary);
            article.Property(a => a.Tags).HasMaxLength(ArticleLimits.Tags);
            article.Property(a => a.UpdatedBy).HasMaxLength(200);
            article.HasOne<Category>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
            // The portal's category pages: readable articles of a category, by title.
            article.HasIndex(a => new { a.CategoryId, a.Status, a.Visibility, a.Title });
            article.HasIndex(a => a.UpdatedAtUtc);
            // The search's audience filter and language order without reading the (wide) article rows.
            article.HasIndex(a => new { a.Id, a.Status, a.Visibility, a.Language }).HasDatabaseName(Search.ArticleSearch.AudienceIndex);
        });

        modelBuilder.Entity<ArticleRevision>(revision =>
        {
            revision.Property(r => r.Language).HasMaxLength(2);
            revision.Property(r => r.Title).HasMaxLength(ArticleLimits.Title);
            revision.Property(r => r.Summary).HasMaxLength(ArticleLimits.Summary);
            revision.Property(r => r.Tags).HasMaxLength(ArticleLimits.Tags);
            revision.Property(r => r.AuthorName).HasMaxLength(200);
            revision.Property(r => r.AuthorStaffId).HasMaxLength(100);
            revision.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        });

        modelBuilder.Entity<ArticleAttachment>(attachment =>
        {
            attachment.Property(a => a.FileName).HasMaxLength(255);
            attachment.Property(a => a.ContentType).HasMaxLength(200);
            attachment.Property(a => a.BlobKey).HasMaxLength(64);
            attachment.HasOne<Article>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
            attachment.HasIndex(a => a.ArticleId);
        });

        modelBuilder.Entity<SuggestionOpening>(opening =>
        {
            opening.Property(o => o.Id).ValueGeneratedNever();
            opening.HasOne<Article>().WithMany().HasForeignKey(o => o.ArticleId).OnDelete(DeleteBehavior.Cascade);
            opening.HasIndex(o => new { o.ArticleId, o.FollowedByTicket, o.OpenedAtUtc });
        });
    }
}

internal sealed class KnowledgeBaseDesignTimeDbContextFactory : DesignTimeDbContextFactory<KnowledgeBaseDbContext>
{
    protected override string TablePrefix => KnowledgeBaseDbContext.Prefix;
}
