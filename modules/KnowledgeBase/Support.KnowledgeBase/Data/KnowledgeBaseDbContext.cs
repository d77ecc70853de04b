using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;

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
}

internal sealed class KnowledgeBaseDesignTimeDbContextFactory : DesignTimeDbContextFactory<KnowledgeBaseDbContext>
{
    protected override string TablePrefix => KnowledgeBaseDbContext.Prefix;
}
