using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Support.Kernel.Messaging;

/// <summary>Wires MediatR 5.1.0 over the module assemblies: handlers, validators and the pipeline.</summary>
public static class MessagingServiceCollectionExtensions
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(INotificationHandler<>),
    ];

    /// <summary>
    /// Registers the mediator, the pipeline (logging → validation → unit of work → handler) and every
    /// handler and validator found in <paramref name="assemblies"/>.
    /// </summary>
    public static IServiceCollection AddModuleMessaging(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        services.TryAddScoped<ServiceFactory>(provider => provider.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));

        foreach (var assembly in assemblies.Distinct())
        {
            services.AddModuleHandlers(assembly);
        }

        return services;
    }

    /// <summary>Registers the request and notification handlers and the validators of one assembly.</summary>
    public static IServiceCollection AddModuleHandlers(this IServiceCollection services, Assembly assembly)
    {
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        var concreteTypes = assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });
        foreach (var type in concreteTypes)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.TryAddEnumerable(ServiceDescriptor.Scoped(contract, type));
            }
        }

        return services;
    }
}
