using MediatR;

namespace Support.Kernel.Contracts;

/// <summary>
/// A request that only reads. The pipeline skips the unit of work for it: a query has nothing to
/// commit, and the agent console and the portal send several on every page.
/// </summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
