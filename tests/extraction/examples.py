"""Development documents written for these tests (invented people and events, no real text)."""

from __future__ import annotations

NEWS_WITH_QUOTED_PEOPLE = """Lawyer jailed for seven years after defending farmers

A court in Hanoi on Tuesday sentenced human rights lawyer Tran Minh Khoa to seven years in prison on charges of "conducting propaganda against the state", his wife said.

Tran Minh Khoa, 44, was arrested in March last year after he represented farmers in a land dispute. He had been held incommunicado since his arrest.

"This verdict is a message to every lawyer in the country," said Sophie Lindqvist, Asia researcher at Rights Monitor. Judge Pham Quoc Dat read the verdict in under an hour.

Interior Minister Le Van Thanh told reporters the trial had been fair. The case recalls the Magnitsky Act debates in foreign parliaments, wrote columnist Daniel Okafor.
"""

NO_VICTIMS = """Water utility opens new treatment plant

The regional water company opened a treatment plant on Monday, said its director Maria Gonzalez.
Engineers led by Paul Whitaker expect the plant to serve 40,000 homes by next year.
"""

LISTING_PAGE = """Urgent actions

Kenya – Journalist Amina Wanjiru detained after covering protests posted on: 2023/05/02

On 28 April 2023, police in Nairobi arrested journalist Amina Wanjiru at her home. She was released on bail two days later.

Peru: Land defender Jorge Quispe Mamani charged posted on: 2023/04/20

On 15 April 2023, prosecutors charged land defender Jorge Quispe Mamani with "disturbing public order" after a peaceful march. Wanjiru's colleagues called the charges absurd.
"""

FRENCH_NEWS = """Un militant condamné à deux ans de prison

Le militant Karim Benali a été condamné le 3 mai 2021 à deux ans de prison ferme par le tribunal d'Oran pour « atteinte à l'unité nationale », a indiqué son avocat Samir Haddad.
"""

SPANISH_NEWS = """Periodista detenida en Managua

La periodista Lucía Herrera Solís fue detenida el 2 de agosto de 2022 por la policía en Managua, según informó su familia. La abogada Carmen Ruiz Díaz exigió su liberación.
"""

BILINGUAL_PAGE = """Cameroon: journalist held for two weeks / Cameroun : un journaliste détenu depuis deux semaines

Journalist Paul Mbarga was arrested on 3 March 2024 in Douala by gendarmes and has been held incommunicado since then, his employer said. "We have no news of him," said editor-in-chief Claire Ndongo.

Le journaliste Paul Mbarga a été arrêté le 3 mars 2024 à Douala par des gendarmes et est détenu au secret depuis, a indiqué son employeur. « Nous n'avons aucune nouvelle de lui », a déclaré la rédactrice en chef Claire Ndongo.
"""

ROUND_UP = """Weekly round-up

In Tunisia, lawyer Sonia Ben Amor was sentenced on Tuesday to one year in prison for "spreading false news". In Egypt, blogger Ahmed Fathy was released after 18 months in pre-trial detention. Meanwhile in Uganda, police detained student leader Grace Auma in Kampala.
"""

OPINION_WITH_CREDITS = """Opinion: why we must speak up

By Helen Carter

Last year I met a teacher in Ankara who had spent three years in prison. Senator John Miles, who sponsored the Global Magnitsky Act, praised the teachers' union. Photo: Anna Keller.
"""
