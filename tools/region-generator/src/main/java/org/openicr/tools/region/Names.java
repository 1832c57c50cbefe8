package org.openicr.tools.region;

import java.util.SplittableRandom;

/**
 * UK-style names, streets and towns. Family names are drawn with a Zipf-like weight (SMITH is common,
 * the tail is rare) so that a search by family name and date of birth meets realistic collisions.
 */
final class Names {

    private Names() {}

    static final String[] FAMILY = {
        "SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "JOHNSON", "DAVIES", "ROBINSON", "WRIGHT",
        "THOMPSON", "EVANS", "WALKER", "WHITE", "ROBERTS", "GREEN", "HALL", "WOOD", "JACKSON", "CLARKE",
        "PATEL", "KHAN", "LEWIS", "JAMES", "PHILLIPS", "MASON", "MITCHELL", "ROSE", "DAVIS", "RODRIGUEZ",
        "COX", "ALEXANDER", "MORGAN", "HUGHES", "EDWARDS", "HILL", "MOORE", "CLARK", "HARRIS", "SCOTT",
        "YOUNG", "TURNER", "KING", "WATSON", "COOPER", "WARD", "MARTIN", "BAKER", "HARRISON", "MORRIS",
        "LEE", "ALLEN", "CARTER", "BENNETT", "SHAW", "PARKER", "COLLINS", "GRAHAM", "MURPHY", "PRICE",
        "BELL", "GRIFFITHS", "RICHARDSON", "BAILEY", "CAMPBELL", "KELLY", "PEARSON", "HOWARD", "MARSHALL", "ELLIS",
        "ANDERSON", "FOSTER", "ADAMS", "CHAPMAN", "SIMPSON", "WEBB", "HUNT", "POWELL", "ROGERS", "STEVENS",
        "HOLMES", "LLOYD", "OWEN", "GRAY", "KNIGHT", "BUTLER", "BARNES", "FISHER", "RUSSELL", "MILLS",
        "PALMER", "MATTHEWS", "LAWRENCE", "REID", "ATKINSON", "STEWART", "FRASER", "DIXON", "PAYNE", "FLETCHER",
        "AHMED", "ALI", "HUSSAIN", "BEGUM", "SINGH", "KAUR", "SHAH", "MISTRY", "CHOWDHURY", "RAHMAN",
        "NGUYEN", "CHEN", "WANG", "LI", "ZHANG", "KOWALSKI", "NOWAK", "WISNIEWSKI", "OKAFOR", "ADEBAYO",
        "MENSAH", "OKONKWO", "BOATENG", "ASANTE", "OSEI", "MOHAMED", "ABDI", "HASSAN", "IBRAHIM", "YUSUF",
        "O'BRIEN", "O'CONNOR", "MCDONALD", "MACKENZIE", "MCLEOD", "FITZGERALD", "DOYLE", "BYRNE", "RYAN", "WALSH",
        "PENDLETON", "FAIRWEATHER", "LLEWELLYN", "ASHWORTH", "HOLLOWAY", "WINTERS", "BLAKE", "ASHBY", "HARTLEY",
                "BRADSHAW",
        "WHITTAKER", "SUTCLIFFE", "ACKROYD", "HOLROYD", "BOOTH", "BARRACLOUGH", "CROWTHER", "DAWSON", "FIRTH",
                "GREENWOOD",
        "TREGENZA", "PASCOE", "PENROSE", "TRELAWNY", "ANGOVE", "NANCARROW", "POLGLASE", "CHEGWIDDEN", "ROWE", "HOCKING",
        "PRITCHARD", "VAUGHAN", "PROSSER", "PROBERT", "BEVAN", "POWYS", "GWYNNE", "MEREDITH", "HOWELLS", "JENKINS",
        "SHERWOOD", "LANGLEY", "ALDRIDGE", "BRAITHWAITE", "CHADWICK", "DUCKWORTH", "ENTWISTLE", "HARGREAVES", "ORMEROD",
                "SUGDEN",
        "WOODWARD", "PARSONS", "NEWMAN", "LUCAS", "HOPKINS", "ARMSTRONG", "HOLLAND", "BARKER", "BURTON", "WEST",
        "HUNTER", "JORDAN", "DEAN", "PERKINS", "RIPLEY", "SPENCER", "GILBERT", "STONE", "TUCKER", "WELLS",
        "FRANCIS", "WALLACE", "MARTINEZ", "GARCIA", "LOPEZ", "SANTOS", "SILVA", "PEREIRA", "COSTA", "FERREIRA",
        "ANTONIOU", "GEORGIOU", "PAPADOPOULOS", "YILMAZ", "KAYA", "DEMIR", "NOVAK", "HORVAT", "POPESCU", "IONESCU"
    };

    static final String[] GIVEN_FEMALE = {
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Sophia", "Grace",
        "Freya", "Florence", "Poppy", "Evie", "Ella", "Charlotte", "Willow", "Emily", "Sienna", "Alice",
        "Margaret", "Patricia", "Susan", "Elizabeth", "Mary", "Jean", "Sandra", "Christine", "Janet", "Carol",
        "Sarah", "Claire", "Emma", "Rachel", "Helen", "Nicola", "Louise", "Joanne", "Michelle", "Kelly",
        "Hannah", "Laura", "Rebecca", "Jessica", "Amy", "Sophie", "Chloe", "Lucy", "Katie", "Megan",
        "Fatima", "Aisha", "Zara", "Maryam", "Priya", "Anjali", "Mei", "Zofia", "Chiamaka", "Ama",
        "Doris", "Joan", "Irene", "Dorothy", "Brenda", "Pauline", "Beatrice", "Carys", "Georgina", "Kayla"
    };

    static final String[] GIVEN_MALE = {
        "Oliver", "George", "Noah", "Arthur", "Leo", "Muhammad", "Harry", "Oscar", "Archie", "Henry",
        "Theodore", "Freddie", "Jack", "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo",
        "David", "John", "Michael", "Peter", "Robert", "Paul", "Stephen", "Andrew", "Mark", "Richard",
        "James", "Daniel", "Christopher", "Matthew", "Simon", "Gary", "Lee", "Darren", "Craig", "Stuart",
        "Samuel", "Joshua", "Luke", "Ryan", "Adam", "Liam", "Connor", "Callum", "Kieran", "Nathan",
        "Ahmed", "Omar", "Yusuf", "Hamza", "Ravi", "Arjun", "Wei", "Jakub", "Chukwuemeka", "Kwame",
        "Frank", "Leonard", "Kenneth", "Ronald", "Dennis", "Derek", "Bernard", "Dev", "Gareth", "Rhys"
    };

    static final String[] STREET = {
        "Mill", "Church", "Station", "Victoria", "Queen", "King", "High", "Park", "Manor", "Orchard",
        "Meadow", "School", "Chapel", "Bridge", "Green", "Water", "Elm", "Oak", "Ash", "Beech",
        "Windmill", "Castle", "Abbey", "Priory", "Vicarage", "Rectory", "Springfield", "Highfield", "Fairfield",
                "Westfield",
        "Alexandra", "Albert", "Grove", "Gloucester", "Bath", "Bristol", "London", "Severn", "Avon", "Cotswold",
        "Mendip", "Quantock", "Hazel", "Willow", "Rowan", "Holly", "Laurel", "Cedar", "Poplar", "Sycamore"
    };

    static final String[] STREET_KIND = {
        "Road",
        "Street",
        "Lane",
        "Close",
        "Avenue",
        "Drive",
        "Way",
        "Gardens",
        "Crescent",
        "Court",
        "Place",
        "View",
        "Grove",
        "Rise",
        "Walk"
    };

    /** A town, its postcode districts and its council (0 North Avon, 1 South Avon). */
    record Town(String name, String[] districts, int council) {}

    static final Town[] TOWNS = {
        new Town("Bristol", new String[] {"BS1", "BS2", "BS3", "BS4", "BS5", "BS6", "BS7", "BS8", "BS9", "BS10"}, 0),
        new Town("Bristol", new String[] {"BS11", "BS13", "BS14", "BS15", "BS16"}, 1),
        new Town("Thornbury", new String[] {"BS35"}, 0),
        new Town("Yate", new String[] {"BS37"}, 0),
        new Town("Chipping Sodbury", new String[] {"BS37"}, 0),
        new Town("Filton", new String[] {"BS34"}, 0),
        new Town("Bradley Stoke", new String[] {"BS32"}, 0),
        new Town("Kingswood", new String[] {"BS15"}, 0),
        new Town("Keynsham", new String[] {"BS31"}, 1),
        new Town("Portishead", new String[] {"BS20"}, 1),
        new Town("Clevedon", new String[] {"BS21"}, 1),
        new Town("Nailsea", new String[] {"BS48"}, 1),
        new Town("Weston-super-Mare", new String[] {"BS22", "BS23", "BS24"}, 1),
        new Town("Bath", new String[] {"BA1", "BA2"}, 1),
        new Town("Midsomer Norton", new String[] {"BA3"}, 1),
        new Town("Stroud", new String[] {"GL5"}, 0),
        new Town("Dursley", new String[] {"GL11"}, 0)
    };

    /** Town weights (roughly the population each would hold). */
    static final int[] TOWN_WEIGHT = {30, 15, 4, 5, 2, 4, 4, 5, 4, 4, 4, 3, 8, 9, 3, 5, 2};

    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    private static final double[] FAMILY_CUMULATIVE = zipf(FAMILY.length, 0.85);
    private static final int[] TOWN_CUMULATIVE = cumulative(TOWN_WEIGHT);

    static String family(SplittableRandom r) {
        double u = r.nextDouble();
        int i = java.util.Arrays.binarySearch(FAMILY_CUMULATIVE, u);
        return FAMILY[Math.min(FAMILY.length - 1, i >= 0 ? i : -i - 1)];
    }

    static String given(SplittableRandom r, boolean female) {
        String[] names = female ? GIVEN_FEMALE : GIVEN_MALE;
        return names[r.nextInt(names.length)];
    }

    static int town(SplittableRandom r) {
        int u = r.nextInt(TOWN_CUMULATIVE[TOWN_CUMULATIVE.length - 1]);
        for (int i = 0; i < TOWN_CUMULATIVE.length; i++) {
            if (u < TOWN_CUMULATIVE[i]) {
                return i;
            }
        }
        return TOWN_CUMULATIVE.length - 1;
    }

    static String street(SplittableRandom r) {
        return (1 + r.nextInt(180)) + " " + STREET[r.nextInt(STREET.length)] + " "
                + STREET_KIND[r.nextInt(STREET_KIND.length)];
    }

    /** A UK-format postcode in one of the town's districts, e.g. {@code BS16 3XY}. */
    static String postcode(SplittableRandom r, Town town) {
        String district = town.districts()[r.nextInt(town.districts().length)];
        return district + " " + (1 + r.nextInt(9)) + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(r.nextInt(INWARD_LETTERS.length()));
    }

    /** A number from Ofcom's ranges reserved for drama (never a real line). */
    static String phone(SplittableRandom r) {
        return r.nextInt(3) == 0
                ? String.format("07700 900%03d", r.nextInt(1000))
                : String.format("0117 496 0%03d", r.nextInt(1000));
    }

    private static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int[] cumulative(int[] weights) {
        int[] c = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }
}
