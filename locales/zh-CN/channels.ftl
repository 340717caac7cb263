## Chat platform adapters: sentences the channels add themselves.

## Telegram: the private message could not be sent (the user never opened a chat with the bot).
telegram-open-private = 请点这里和我私聊：{ $link }

## Web chat: too many messages from one browser or one address in a minute (HTTP 429).
web-too-many-messages = 您发得有点快，我跟不上啦。请歇一会儿，过一分钟再发，我一定接着为您解答。
## Web chat: shown before a notice kept for this browser (staff decided on a matter it registered).
web-notice-intro = 您之前登记的事项有了新消息：
