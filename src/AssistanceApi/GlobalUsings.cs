global using IMediator = Mediator.IMediator;
