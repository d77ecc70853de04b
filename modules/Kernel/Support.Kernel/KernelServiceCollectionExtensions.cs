using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Support.Kernel.Email;
using Support.Kernel.Messaging;
using Support.Kernel.Persistence;
using Support.Kernel.Storage;

namespace Support.Kernel;

/// <summary>Registers what every module relies on: data, messaging, the outbox and the email outbox.</summary>
public static class KernelServiceCollectionExtensions
{
    public static IServiceCollection AddKernel(this IServiceCollection services, IConfiguration configuration, IEnumerable<Assembly> moduleAssemblies)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DataFolder>();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.SectionName));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.SectionName));
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<WriteGroup>();
        services.AddSingleton<SqliteWriteGateInterceptor>();
        services.AddSingleton<WriterStatementInterceptor>();
        services.AddScoped<ScopedConnection>();
        services.AddScoped<UnitOfWork>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EmailSignal>();

        services.AddModuleDbContext<KernelDbContext>("Kernel", KernelDbContext.Prefix);
        services.AddModuleMessaging(moduleAssemblies.Append(typeof(KernelServiceCollectionExtensions).Assembly));
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<PickupFolderEmailTransport>();
        services.AddSingleton<IEmailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
                ? provider.GetRequiredService<PickupFolderEmailTransport>()
                : provider.GetRequiredService<SmtpEmailTransport>());
        services.AddSingleton(provider => new EmailTransportDescription(provider.GetRequiredService<IEmailTransport>().Description));
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<EmailSender>();
        services.AddHostedService<WalCheckpointer>();
        services.AddSingleton<SqliteStatistics>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteStatistics>());
        services.AddSingleton<IBlobStore, FileSystemBlobStore>();
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
