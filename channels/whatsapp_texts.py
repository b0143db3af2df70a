"""What the WhatsApp bridge itself says to users (everything else comes from the bot).

These replies are about the channel, not about the program, so they hold no
amounts, periods or dates.
"""

TEXT_ONLY = (
    "عذرًا، أستطيع قراءة الرسائل المكتوبة فقط، ولا أستطيع فتح الرسائل الصوتية "
    "أو الصور أو الملفات أو المواقع. فضلًا اكتب سؤالك في رسالة نصية، ويسعدني مساعدتك."
)
EMPTY_MESSAGE = "وصلتني رسالتك فارغة. فضلًا اكتب سؤالك في رسالة نصية، ويسعدني مساعدتك."
TOO_LONG = "رسالتك طويلة جدًا عليّ. فضلًا اختصر سؤالك في بضعة أسطر وأرسله مرة أخرى."
TEMPORARY_ERROR = "عذرًا، حدث خلل مؤقت ولم أتمكن من معالجة رسالتك. فضلًا حاول مرة أخرى بعد قليل."
# Shown on the button that opens a list of choices (at most 20 characters).
LIST_BUTTON_LABEL = "الخيارات"
# Body of an interactive message when the bot sent buttons without text.
CHOOSE_OPTION = "فضلًا اختر أحد الخيارات:"
# Body of the follow-up list when there are more choices than one list can hold.
MORE_OPTIONS = "خيارات أخرى:"
