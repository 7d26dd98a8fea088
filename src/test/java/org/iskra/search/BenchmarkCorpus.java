package org.iskra.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.iskra.taxonomy.Term;

/**
 * Made-up articles for the search benchmark, in ten languages and their scripts: sentences drawn from a short list
 * of real words of each language (the words readers search for) and a long tail of invented words built from the
 * language's letters, with word frequencies falling off as in real text (Zipf). Translation {@code n} is always the
 * same text, so the corpus needs no storage and every run indexes the same thing.
 */
final class BenchmarkCorpus {

    static final List<String> LANGUAGES = List.of("en", "ru", "uk", "es", "fr", "de", "it", "ar", "fa", "hy");
    private static final int TAIL_WORDS = 5_000;
    private static final OffsetDateTime FIRST_DAY = OffsetDateTime.of(2015, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    private static final Map<String, String> WORDS = Map.of(
            "en", "workers worker strike strikes union unions wages wage rent housing war peace government state capital "
                    + "labour organize organizing organization international solidarity struggle class factory factories "
                    + "teachers nurses prices inflation crisis climate migrants refugees border borders rights democracy "
                    + "election elections party movement protest protests city cities country countries region economy "
                    + "profit profits budget austerity public services health education schools energy fuel bread women "
                    + "youth students police army history future power people work jobs unemployment debt banks",
            "ru", "рабочие рабочих рабочим забастовка забастовки забастовку профсоюз профсоюзы профсоюзов зарплата "
                    + "зарплаты аренда жильё война войны войну мир правительство государство капитал труд организация "
                    + "организации организацию солидарность борьба борьбы класс завод заводы учителя медсёстры цены "
                    + "инфляция кризис климат мигранты беженцы граница границы права демократия выборы партия движение "
                    + "протест протесты город города страна страны регион экономика прибыль бюджет экономия услуги "
                    + "здоровье образование школы энергия топливо хлеб женщины молодёжь студенты полиция армия история "
                    + "будущее власть люди работа безработица долг банки",
            "uk", "робітники робітників страйк страйки страйку профспілка профспілки зарплата зарплати оренда житло "
                    + "війна війни війну мир уряд держава капітал праця організація організації солідарність боротьба "
                    + "боротьби клас завод заводи вчителі медсестри ціни інфляція криза клімат мігранти біженці кордон "
                    + "кордони права демократія вибори партія рух протест протести місто міста країна країни регіон "
                    + "економіка прибуток бюджет послуги здоров’я освіта школи енергія пальне хліб жінки молодь студенти "
                    + "поліція армія історія майбутнє влада люди робота безробіття борг банки",
            "es", "trabajadores trabajador huelga huelgas sindicato sindicatos salarios salario alquiler vivienda guerra "
                    + "paz gobierno estado capital trabajo organizar organización internacional solidaridad lucha clase "
                    + "fábrica fábricas maestros enfermeras precios inflación crisis clima migrantes refugiados frontera "
                    + "fronteras derechos democracia elecciones partido movimiento protesta protestas ciudad ciudades país "
                    + "países región economía ganancias presupuesto austeridad públicos servicios salud educación escuelas "
                    + "energía combustible pan mujeres jóvenes estudiantes policía ejército historia futuro poder pueblo "
                    + "empleo desempleo deuda bancos",
            "fr", "travailleurs travailleur grève grèves syndicat syndicats salaires salaire loyer logement guerre paix "
                    + "gouvernement état capital travail organiser organisation internationale solidarité lutte classe "
                    + "usine usines enseignants infirmières prix inflation crise climat migrants réfugiés frontière "
                    + "frontières droits démocratie élections parti mouvement manifestation manifestations ville villes "
                    + "pays région économie profits budget austérité publics services santé éducation écoles énergie "
                    + "carburant pain femmes jeunes étudiants police armée histoire avenir pouvoir peuple emploi chômage "
                    + "dette banques",
            "de", "Arbeiter Arbeiterinnen Streik Streiks Gewerkschaft Gewerkschaften Löhne Lohn Miete Wohnungen Krieg "
                    + "Frieden Regierung Staat Kapital Arbeit organisieren Organisation international Solidarität Kampf "
                    + "Klasse Fabrik Fabriken Lehrer Pflegekräfte Preise Inflation Krise Klima Migranten Flüchtlinge "
                    + "Grenze Grenzen Rechte Demokratie Wahlen Partei Bewegung Protest Proteste Stadt Städte Land Länder "
                    + "Region Wirtschaft Gewinne Haushalt Sparpolitik öffentliche Dienste Gesundheit Bildung Schulen "
                    + "Energie Brot Frauen Jugend Studierende Polizei Armee Geschichte Zukunft Macht Menschen "
                    + "Beschäftigung Arbeitslosigkeit Schulden Banken",
            "it", "lavoratori lavoratore sciopero scioperi sindacato sindacati salari salario affitto casa guerra pace "
                    + "governo stato capitale lavoro organizzare organizzazione internazionale solidarietà lotta classe "
                    + "fabbrica fabbriche insegnanti infermiere prezzi inflazione crisi clima migranti rifugiati confine "
                    + "confini diritti democrazia elezioni partito movimento protesta proteste città paese paesi regione "
                    + "economia profitti bilancio austerità pubblici servizi salute istruzione scuole energia carburante "
                    + "pane donne giovani studenti polizia esercito storia futuro potere popolo occupazione "
                    + "disoccupazione debito banche",
            "ar", "العمال العامل إضراب الإضراب إضرابات نقابة النقابات الأجور الأجر الإيجار السكن الحرب السلام الحكومة "
                    + "الدولة الرأسمال العمل التنظيم منظمة الأممية التضامن النضال الطبقة المصنع المصانع المعلمون الممرضات "
                    + "الأسعار التضخم الأزمة المناخ المهاجرون اللاجئون الحدود الحقوق الديمقراطية الانتخابات الحزب الحركة "
                    + "الاحتجاج الاحتجاجات المدينة المدن البلد البلدان المنطقة الاقتصاد الأرباح الميزانية التقشف العامة "
                    + "الخدمات الصحة التعليم المدارس الطاقة الوقود الخبز النساء الشباب الطلاب الشرطة الجيش التاريخ "
                    + "المستقبل السلطة الشعب البطالة الديون البنوك",
            "fa", "کارگران کارگر اعتصاب اعتصاب‌ها سندیکا اتحادیه دستمزد دستمزدها اجاره مسکن جنگ صلح دولت حکومت سرمایه "
                    + "کار سازماندهی سازمان بین‌المللی همبستگی مبارزه طبقه کارخانه کارخانه‌ها معلمان پرستاران قیمت‌ها تورم "
                    + "بحران اقلیم مهاجران پناهندگان مرز مرزها حقوق دموکراسی انتخابات حزب جنبش اعتراض اعتراض‌ها شهر "
                    + "شهرها کشور کشورها منطقه اقتصاد سود بودجه ریاضت عمومی خدمات سلامت آموزش مدارس انرژی سوخت نان "
                    + "زنان جوانان دانشجویان پلیس ارتش تاریخ آینده قدرت مردم بیکاری بدهی بانک‌ها",
            "hy", "բանվորներ բանվորների գործադուլ գործադուլներ արհմիություն արհմիությունները աշխատավարձ աշխատավարձեր "
                    + "վարձակալություն բնակարան պատերազմ խաղաղություն կառավարություն պետություն կապիտալ աշխատանք "
                    + "կազմակերպել կազմակերպություն միջազգային համերաշխություն պայքար դասակարգ գործարան գործարաններ "
                    + "ուսուցիչներ բուժքույրեր գներ գնաճ ճգնաժամ կլիմա միգրանտներ փախստականներ սահման սահմաններ "
                    + "իրավունքներ ժողովրդավարություն ընտրություններ կուսակցություն շարժում բողոք բողոքներ քաղաք "
                    + "քաղաքներ երկիր երկրներ տարածաշրջան տնտեսություն շահույթ բյուջե խնայողություն հանրային "
                    + "ծառայություններ առողջություն կրթություն դպրոցներ էներգիա վառելիք հաց կանայք երիտասարդներ "
                    + "ուսանողներ ոստիկանություն բանակ պատմություն ապագա իշխանություն ժողովուրդ գործազրկություն պարտք բանկեր");

    /** Small words that make up a third of running text and that stop-word lists remove. */
    private static final Map<String, String> FUNCTION_WORDS = Map.of(
            "en", "the of and to in a is that for on with as by are this from at not but we they their our it be have has was were will more all against",
            "ru", "и в не на что с по как это за из от о для мы они их наш но к у все против",
            "uk", "і в не на що з як це за до від для ми вони їх наш але у всі проти",
            "es", "el la de que y en los las un una por con no para es su sus nuestra contra más",
            "fr", "le la les de des du et en un une que qui pour par dans sur pas ne nous leur contre plus",
            "de", "der die das und in zu den von mit ist nicht sich des auf für wir sie ihre unsere gegen mehr",
            "it", "il la di che e in un una per con non del della i le noi loro nostra contro più",
            "ar", "في من على إلى أن عن مع هذا هذه التي الذي لا ضد كل نحن هم",
            "fa", "و در به از که این را با برای آن ما آنها علیه همه",
            "hy", "և է են որ այս այդ մենք նրանք մեր նրանց դեմ բոլոր համար հետ");

    /** Letters to invent the long tail of words from: consonants, then vowels (empty for consonantal scripts). */
    private static final Map<String, String[]> LETTERS = Map.of(
            "en", new String[] {"bcdfghklmnprstvw", "aeiou"},
            "ru", new String[] {"бвгджзклмнпрстфхцчш", "аеиоуыяю"},
            "uk", new String[] {"бвгджзклмнпрстфхцчш", "аеиіоуяюєї"},
            "es", new String[] {"bcdfglmnprstvz", "aeiouáé"},
            "fr", new String[] {"bcdfglmnprstv", "aeiouéè"},
            "de", new String[] {"bdfghklmnprstwz", "aeiouäöü"},
            "it", new String[] {"bcdfglmnprstvz", "aeiou"},
            "ar", new String[] {"بتجدرزسشصطعفقكلمنهوي", ""},
            "fa", new String[] {"بپتجچدرزژسشفقکگلمنوهی", ""},
            "hy", new String[] {"բգդզթլխկհմնշպսվտրցք", "աեէըիոօ"});

    private static final String[] REGIONS = {"caucasus", "europe", "latin-america", "middle-east", "north-africa",
            "south-asia", "east-asia", "west-africa", "central-asia", "north-america", "balkans", "global"};
    private static final String[] COUNTRIES = {"am", "az", "ge", "ru", "ua", "by", "kz", "tr", "ir", "iq", "sy", "lb",
            "jo", "eg", "tn", "ma", "dz", "fr", "de", "es", "it", "gb", "pl", "ar", "br", "cl", "mx", "us", "in", "pk"};

    private final Map<String, Vocabulary> vocabularies;
    /** The languages translations take in turn, and how many consecutive translations make one article. */
    private final List<String> languages;
    private final int perArticle;

    private record Vocabulary(String[] words, String[] functionWords, double[] cumulative, int realWords) {

        String draw(SplittableRandom random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            return words[Math.min(words.length - 1, index < 0 ? -index - 1 : index)];
        }
    }

    BenchmarkCorpus() {
        this(LANGUAGES, 3);
    }

    /** A corpus in some of the ten languages: the mirror's benchmark has each article in each of two. */
    BenchmarkCorpus(List<String> languages, int perArticle) {
        if (!LANGUAGES.containsAll(languages) || languages.isEmpty() || perArticle < 1 || perArticle > languages.size()) {
            throw new IllegalArgumentException("languages among " + LANGUAGES + ", at most one translation per language");
        }
        this.languages = List.copyOf(languages);
        this.perArticle = perArticle;
        Map<String, Vocabulary> built = new java.util.HashMap<>();
        for (String language : LANGUAGES) {
            built.put(language, vocabulary(language));
        }
        this.vocabularies = Map.copyOf(built);
    }

    private static Vocabulary vocabulary(String language) {
        List<String> words = new ArrayList<>(Arrays.asList(WORDS.get(language).split(" ")));
        int real = words.size();
        SplittableRandom random = new SplittableRandom(language.hashCode());
        String[] letters = LETTERS.get(language);
        java.util.Set<String> seen = new java.util.HashSet<>(words);
        while (words.size() < real + TAIL_WORDS) {
            String word = invent(random, letters);
            if (seen.add(word)) {
                words.add(word);
            }
        }
        double[] cumulative = new double[words.size()];
        double sum = 0;
        for (int rank = 0; rank < words.size(); rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        return new Vocabulary(words.toArray(String[]::new), FUNCTION_WORDS.get(language).split(" "), cumulative, real);
    }

    private static String invent(SplittableRandom random, String[] letters) {
        String consonants = letters[0];
        String vowels = letters[1];
        StringBuilder word = new StringBuilder();
        if (vowels.isEmpty()) {
            int length = 3 + random.nextInt(5);
            for (int i = 0; i < length; i++) {
                word.append(consonants.charAt(random.nextInt(consonants.length())));
            }
        } else {
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(consonants.charAt(random.nextInt(consonants.length())));
                word.append(vowels.charAt(random.nextInt(vowels.length())));
            }
            if (random.nextBoolean()) {
                word.append(consonants.charAt(random.nextInt(consonants.length())));
            }
        }
        return word.toString();
    }

    /** Translation number {@code n}: its language, text, terms and date follow from {@code n} alone. */
    IndexedTranslation translation(int n) {
        SplittableRandom random = new SplittableRandom(0x5EED_0000L + n);
        String language = languages.get(n % languages.size());
        Vocabulary vocabulary = vocabularies.get(language);
        String title = capitalized(sentence(vocabulary, random, 4 + random.nextInt(7), false));
        String standfirst = sentence(vocabulary, random, 20 + random.nextInt(16), true);
        StringBuilder body = new StringBuilder();
        int words = 250 + random.nextInt(650);
        while (words > 0) {
            int paragraph = Math.min(words, 40 + random.nextInt(80));
            for (int said = 0; said < paragraph; ) {
                int length = Math.min(paragraph - said, 8 + random.nextInt(15));
                body.append(capitalized(sentence(vocabulary, random, length, true))).append(' ');
                said += length;
            }
            body.append('\n');
            words -= paragraph;
        }
        List<Term> regions = List.of(term(REGIONS[random.nextInt(REGIONS.length)]));
        List<Term> countries = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(2); i < count; i++) {
            String code = COUNTRIES[random.nextInt(COUNTRIES.length)];
            countries.add(new Term(code, code.toUpperCase(java.util.Locale.ROOT)));
        }
        List<Term> tags = new ArrayList<>();
        for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
            tags.add(term(vocabulary.words()[random.nextInt(vocabulary.realWords())]));
        }
        OffsetDateTime published = FIRST_DAY.plusHours(n / perArticle);
        return new IndexedTranslation(n / perArticle, language, "article-" + n, title, standfirst, body.toString(), regions,
                countries.stream().distinct().toList(), tags.stream().distinct().toList(), published, published);
    }

    private static Term term(String name) {
        return new Term(org.iskra.site.Slugs.of(name).isEmpty() ? "term" : org.iskra.site.Slugs.of(name), name);
    }

    private static String sentence(Vocabulary vocabulary, SplittableRandom random, int words, boolean period) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sentence.append(i % 9 == 8 ? ", " : " ");
            }
            if (random.nextInt(3) == 0) {
                sentence.append(vocabulary.functionWords()[random.nextInt(vocabulary.functionWords().length)]);
            } else {
                sentence.append(vocabulary.draw(random));
            }
        }
        return period ? sentence.append('.').toString() : sentence.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // --- queries ------------------------------------------------------------------------------------------------------

    /** A query as readers ask them: mostly a word or two in their language, some phrases, filters, other pages. */
    SearchQuery query(Random random) {
        String language = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
        Vocabulary vocabulary = vocabularies.get(language);
        SplittableRandom draw = new SplittableRandom(random.nextLong());
        int kind = random.nextInt(100);
        String text;
        String region = null;
        String tag = null;
        boolean all = false;
        SearchQuery.Order order = SearchQuery.Order.RELEVANCE;
        int page = 1;
        if (kind < 30) {
            text = realWord(vocabulary, random);
        } else if (kind < 50) {
            text = realWord(vocabulary, random) + " " + realWord(vocabulary, random);
        } else if (kind < 60) {
            text = realWord(vocabulary, random) + " " + realWord(vocabulary, random) + " " + vocabulary.draw(draw);
        } else if (kind < 70) {
            text = vocabulary.words()[vocabulary.realWords() + random.nextInt(500)];
        } else if (kind < 78) {
            text = "\"" + vocabulary.draw(draw) + " " + vocabulary.draw(draw) + "\"";
        } else if (kind < 83) {
            String word = realWord(vocabulary, random);
            text = word.substring(0, Math.min(word.length(), 4)) + "*";
        } else if (kind < 88) {
            text = realWord(vocabulary, random);
            if (random.nextBoolean()) {
                region = REGIONS[random.nextInt(REGIONS.length)];
            } else {
                tag = org.iskra.site.Slugs.of(realWord(vocabulary, random));
            }
        } else if (kind < 93) {
            text = realWord(vocabulary, random);
            all = true;
        } else {
            text = realWord(vocabulary, random) + " " + realWord(vocabulary, random);
            order = SearchQuery.Order.NEWEST;
            page = 2;
        }
        return new SearchQuery(language, text, all, region, null, tag, null, null, order, page, 10);
    }

    private static String realWord(Vocabulary vocabulary, Random random) {
        return vocabulary.words()[random.nextInt(vocabulary.realWords())];
    }
}
