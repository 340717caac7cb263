## Chat platform adapters: sentences the channels add themselves.

## Telegram: the private message could not be sent (the user never opened a chat with the bot).
telegram-open-private = 请点这里和我私聊：{ $link }
