using MediatR;
using Support.Kernel.Contracts;
using Support.Kernel.Persistence;

namespace Support.Kernel.Messaging;

/// <summary>Commits what the handler changed, with the integration events it raised, in one transaction (queries skip it).</summary>
internal sealed class UnitOfWorkBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsQuery = typeof(IQuery<TResponse>).IsAssignableFrom(typeof(TRequest));
    private readonly UnitOfWork _unitOfWork;

    public UnitOfWorkBehaviour(UnitOfWork unitOfWork) => _unitOfWork = unitOfWork;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (!IsQuery)
        {
            await _unitOfWork.CommitAsync(cancellationToken);
        }

        return response;
    }
}
